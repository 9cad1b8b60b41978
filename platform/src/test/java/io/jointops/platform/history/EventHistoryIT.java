package io.jointops.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jointops.platform.security.Caller;
import io.jointops.platform.test.TestDatabase;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item's history is read as Axon reads events: through the service's upcasters, as typed events. An event stored
 * under an older name and shape reaches visibility policies as the current record, so a decision on its type holds
 * for every stored revision (a decision on the stored name would miss it). Global positions are answered to
 * auditors and signing systems only.
 */
class EventHistoryIT {

    /** The current event. */
    @Revision("2")
    record NoteWritten(String itemId, String text, String tlp) {
    }

    /** How revision 1 was stored: under another name, the text as {@code note}. */
    static final String STORED_NAME = "io.jointops.platform.history.NoteAdded";

    /** Revision 1 ({@code NoteAdded}) to 2: the event renamed, {@code note} renamed {@code text}. */
    static final class RenamingUpcaster extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(new SimpleSerializedType(STORED_NAME, "1"));
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(NoteWritten.class.getName(), "2"),
                    JsonNode.class, payload -> {
                        ObjectNode upcast = ((ObjectNode) payload).deepCopy();
                        upcast.set("text", upcast.remove("note"));
                        return upcast;
                    });
        }
    }

    static final Caller INVESTIGATOR = new Caller("u-1", "us.investigator", "US-DEA", Set.of("investigator"));
    static final Caller AUDITOR = new Caller("u-2", "auditor", "JOINT-AUDIT", Set.of("auditor"));
    static final Caller SIGNER = new Caller("u-3", "us.signer", "US-DEA", Set.of("notary-signer"));

    static JdbcClient jdbc;
    static EventHistory history;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @BeforeAll
    static void database() {
        jdbc = JdbcClient.create(TestDatabase.ownDatabase("event_history", true));
        history = new EventHistory(jdbc, JacksonSerializer.defaultSerializer(),
                () -> new EventUpcasterChain(new RenamingUpcaster()));
    }

    @Test
    void anEventStoredUnderAnOlderNameAndShapeIsReadAsTheCurrentRecord() {
        String item = UUID.randomUUID().toString();
        store(item, 0, STORED_NAME, "1", "{\"itemId\":\"" + item + "\",\"note\":\"seen at the port\",\"tlp\":\"TLP:RED\"}");
        store(item, 1, NoteWritten.class.getName(), "2", "{\"itemId\":\"" + item + "\",\"text\":\"later\",\"tlp\":\"TLP:AMBER\"}");

        List<ItemEvent> events = history.events(item, 100);
        assertThat(events).extracting(ItemEvent::payload).containsExactly(
                new NoteWritten(item, "seen at the port", "TLP:RED"), new NoteWritten(item, "later", "TLP:AMBER"));
        assertThat(events).extracting(ItemEvent::sequence).containsExactly(0L, 1L);
        assertThat(events.get(1).globalPosition()).isGreaterThan(events.get(0).globalPosition());
        assertThat(events.get(0).agency()).isEqualTo("CN-NNCC");
        assertThat(events.get(0).actor()).isEqualTo("cn.investigator");
        assertThat(events.get(0).correlationId()).isEqualTo("corr-0");
        assertThat(events.get(0).timestamp()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));

        // the answer names the event as it is read today, in its current shape
        HistoryEntry entry = history.entry(events.get(0), INVESTIGATOR);
        assertThat(entry.type()).isEqualTo("NoteWritten");
        assertThat(entry.revision()).isEqualTo("2");
        assertThat(entry.payload().path("text").asText()).isEqualTo("seen at the port");
        assertThat(entry.payload().has("note")).isFalse();
        assertThat(history.events(item, 1, 10)).extracting(ItemEvent::sequence).containsExactly(1L);
    }

    @Test
    void globalPositionsAreAnsweredToAuditorsAndSigningSystemsOnly() throws Exception {
        String item = UUID.randomUUID().toString();
        store(item, 0, NoteWritten.class.getName(), "2", "{\"itemId\":\"" + item + "\",\"text\":\"a\",\"tlp\":\"TLP:GREEN\"}");
        store(item, 1, NoteWritten.class.getName(), "2", "{\"itemId\":\"" + item + "\",\"text\":\"b\",\"tlp\":\"TLP:GREEN\"}");
        ItemEvent event = history.events(item, 100).get(1);

        assertThat(history.entry(event, AUDITOR).globalPosition()).isEqualTo(event.globalPosition());
        assertThat(history.entry(event, SIGNER).globalPosition()).isEqualTo(event.globalPosition());
        HistoryEntry investigators = history.entry(event, INVESTIGATOR);
        assertThat(investigators.globalPosition()).isNull();
        assertThat(investigators.sequence()).isEqualTo(1);
        JsonNode answered = JSON.readTree(JSON.writeValueAsString(investigators));
        assertThat(answered.has("globalPosition")).as("no position in the answer: " + answered).isFalse();
        assertThat(answered.path("sequence").asLong()).isEqualTo(1);

        HistoryPage page = history.page(item, 1, 1, INVESTIGATOR);
        assertThat(page.totalEvents()).isEqualTo(2);
        assertThat(page.events()).extracting(HistoryEntry::globalPosition).containsExactly((Long) null);
        assertThat(page.events()).extracting(HistoryEntry::sequence).containsExactly(1L);
        assertThat(history.page(item, 0, 10, AUDITOR).events()).extracting(HistoryEntry::globalPosition)
                .doesNotContainNull();
    }

    @Test
    void aStandInIsAnsweredUnderTheEventsNameAndAnUnknownTypeAsStored() {
        String item = UUID.randomUUID().toString();
        store(item, 0, NoteWritten.class.getName(), "2", "{\"itemId\":\"" + item + "\",\"text\":\"secret\",\"tlp\":\"TLP:RED\"}");
        store(item, 1, "io.jointops.api.gone.RetiredEvent", "1", "{\"itemId\":\"" + item + "\"}");
        List<ItemEvent> events = history.events(item, 100);

        record Withheld(String itemId, boolean withheld) {
        }
        HistoryEntry withheld = history.entry(events.get(0), new Withheld(item, true), INVESTIGATOR);
        assertThat(withheld.type()).isEqualTo("NoteWritten");
        assertThat(withheld.payload().toString()).doesNotContain("secret").contains("\"withheld\":true");

        assertThat(events.get(1).payload()).isInstanceOf(UnknownSerializedType.class);
        HistoryEntry unknown = history.entry(events.get(1), AUDITOR);
        assertThat(unknown.type()).isEqualTo("RetiredEvent");
        assertThat(unknown.payload().path("itemId").asText()).isEqualTo(item);
    }

    @Test
    void theClientsCorrelationIdIsAnsweredBesideTheRequestsAndLeftOutWhenItSentNone() throws Exception {
        String item = UUID.randomUUID().toString();
        store(item, 0, NoteWritten.class.getName(), "2", "{\"itemId\":\"" + item + "\",\"text\":\"a\",\"tlp\":\"TLP:GREEN\"}",
                "{\"agency\":\"CN-NNCC\",\"correlationId\":\"corr-0\",\"clientCorrelationId\":\"ui-4711\"}");
        store(item, 1, NoteWritten.class.getName(), "2", "{\"itemId\":\"" + item + "\",\"text\":\"b\",\"tlp\":\"TLP:GREEN\"}");
        List<ItemEvent> events = history.events(item, 100);

        assertThat(events.get(0).clientCorrelationId()).isEqualTo("ui-4711");
        HistoryEntry entry = history.entry(events.get(0), INVESTIGATOR);
        assertThat(entry.correlationId()).isEqualTo("corr-0");
        assertThat(entry.clientCorrelationId()).isEqualTo("ui-4711");
        JsonNode none = JSON.readTree(JSON.writeValueAsString(history.entry(events.get(1), INVESTIGATOR)));
        assertThat(none.path("correlationId").asText()).isEqualTo("corr-1");
        assertThat(none.has("clientCorrelationId")).as("absent when the client sent none: " + none).isFalse();
    }

    private static void store(String item, long sequence, String payloadType, String revision, String payload) {
        store(item, sequence, payloadType, revision, payload, "{\"actor\":\"cn.investigator\",\"actorId\":\"u-9\","
                + "\"agency\":\"CN-NNCC\",\"correlationId\":\"corr-" + sequence + "\"}");
    }

    private static void store(String item, long sequence, String payloadType, String revision, String payload,
                              String metaData) {
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:id, :item, :sequence, 'Thing', :at, :payloadType, :revision, :payload, :meta)""")
                .param("id", UUID.randomUUID().toString())
                .param("item", item)
                .param("sequence", sequence)
                .param("at", Instant.parse("2026-03-01T10:00:00Z").plusSeconds(sequence).toString())
                .param("payloadType", payloadType)
                .param("revision", revision)
                .param("payload", payload.getBytes(StandardCharsets.UTF_8))
                .param("meta", metaData.getBytes(StandardCharsets.UTF_8))
                .update();
    }
}
