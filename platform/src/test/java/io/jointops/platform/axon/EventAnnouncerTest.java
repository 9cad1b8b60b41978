package io.jointops.platform.axon;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The replicas' notifications: what one replica sends, the others read back, within PostgreSQL's limit. */
class EventAnnouncerTest {

    @Test
    void processedItemsAndSignalsGoOutInPayloadsBelowTheLimitAndAreReadBackAsTheyWere() {
        Map<String, Long> items = new LinkedHashMap<>();
        for (int i = 0; i < 1_000; i++) {
            items.put("item-" + i + "-" + "x".repeat(i % 40), (long) i * 7);
        }
        items.put("a:b,c d", 3L); // separators of other formats are an id's like any character
        items.put("y".repeat(EventAnnouncer.MAX_NOTIFY_PAYLOAD), 1L); // no item's: left out

        List<String> topics = List.of("partner-feed", "another-topic");

        List<String> payloads = EventAnnouncer.replicaPayloads(items, topics);

        assertThat(payloads).hasSizeGreaterThan(1)
                .allSatisfy(payload -> assertThat(payload.length()).isLessThan(EventAnnouncer.MAX_NOTIFY_PAYLOAD));
        Map<String, Long> readBack = new LinkedHashMap<>();
        List<String> signalled = new java.util.ArrayList<>();
        payloads.forEach(payload -> EventAnnouncer.replicaNews(payload, readBack::put, signalled::add));
        assertThat(signalled).containsExactlyElementsOf(topics);
        Map<String, Long> expected = new LinkedHashMap<>(items);
        expected.remove("y".repeat(EventAnnouncer.MAX_NOTIFY_PAYLOAD));
        assertThat(readBack).containsExactlyEntriesOf(expected);
    }

    @Test
    void nothingProcessedOrSignalledIsNoPayload() {
        assertThat(EventAnnouncer.replicaPayloads(Map.of(), List.of())).isEmpty();
        Map<String, Long> readBack = new LinkedHashMap<>();
        List<String> signalled = new java.util.ArrayList<>();
        EventAnnouncer.replicaNews(null, readBack::put, signalled::add);
        EventAnnouncer.replicaNews("", readBack::put, signalled::add);
        assertThat(readBack).isEmpty();
        assertThat(signalled).isEmpty();
    }
}
