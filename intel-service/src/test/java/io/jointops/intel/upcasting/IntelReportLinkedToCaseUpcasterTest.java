package io.jointops.intel.upcasting;

import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The revision-1 golden file, as stored before the status existed, reads as revision 2 with DISSEMINATED. */
class IntelReportLinkedToCaseUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void revisionOneGainsTheStatusEveryReportHadThen() throws Exception {
        IntermediateEventRepresentation upcast = upcast(stored("1"));
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        IntelReportLinkedToCaseEvent event = serializer.deserialize(upcast.getData());
        assertThat(event).isEqualTo(new IntelReportLinkedToCaseEvent("8a0c6a55-2f43-4bd4-9c55-6a0e2f7f9d01", "case-a",
                "Linked report", "DISSEMINATED"));
    }

    @Test
    void revisionTwoIsLeftAlone() throws Exception {
        IntermediateEventRepresentation upcast = upcast(stored("2"));
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        IntelReportLinkedToCaseEvent event = serializer.deserialize(upcast.getData());
        assertThat(event.title()).isEqualTo("NPP shipments via Rotterdam");
        assertThat(event.status()).isEqualTo("DISSEMINATED");
    }

    private IntermediateEventRepresentation upcast(GenericDomainEventEntry<byte[]> entry) {
        List<IntermediateEventRepresentation> result = new EventUpcasterChain(new IntelReportLinkedToCaseUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    private static GenericDomainEventEntry<byte[]> stored(String revision) throws Exception {
        byte[] payload;
        try (InputStream in = IntelReportLinkedToCaseUpcasterTest.class
                .getResourceAsStream("/events/IntelReportLinkedToCaseEvent." + revision + ".json")) {
            payload = in.readAllBytes();
        }
        return new GenericDomainEventEntry<>("IntelReport", "r-1", 1, "event-1", java.time.Instant.EPOCH,
                IntelReportLinkedToCaseEvent.class.getName(), revision, payload, "{}".getBytes());
    }
}
