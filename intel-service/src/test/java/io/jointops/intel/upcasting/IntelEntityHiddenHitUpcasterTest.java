package io.jointops.intel.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelEntityHiddenHitEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A hidden-hit notice of revision 1 (before matches named their rule) reads as revision 2 with the normal form's rule. */
class IntelEntityHiddenHitUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void theRevisionOneGoldenFileGainsTheRuleOfAPhoneNumbersNormalForm() throws Exception {
        IntermediateEventRepresentation upcast = upcast(golden("1"), "1");
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        IntelEntityHiddenHitEvent event = serializer.deserialize(upcast.getData());
        assertThat(event).isEqualTo(new IntelEntityHiddenHitEvent("8a0c6a55-2f43-4bd4-9c55-6a0e2f7f9d01", "CN-NNCC",
                "GB-NCA", "gb.investigator", EntityType.PHONE_NUMBER, "+861012345678", "e164"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "PERSON        | zhang wei          | case-and-punctuation",
            "VESSEL        | IMO9074729         | imo",
            "VESSEL        | msc gülsün         | case-and-punctuation",
            "URL           | https://example.com/ | case-and-punctuation",
    })
    void otherTypesGainTheirNormalFormsRule(EntityType type, String normalised, String rule) {
        String payload = "{\"reportId\":\"r\",\"ownerAgency\":\"CN-NNCC\",\"searchingAgency\":\"GB-NCA\","
                + "\"searcher\":\"s\",\"entityType\":\"" + type + "\",\"normalised\":\"" + normalised + "\"}";
        IntermediateEventRepresentation upcast = upcast(payload.getBytes(StandardCharsets.UTF_8), "1");
        assertThat(upcast.getData(JsonNode.class).getData().path("rule").asText()).isEqualTo(rule);
    }

    @Test
    void revisionTwoIsLeftAlone() throws Exception {
        IntermediateEventRepresentation upcast = upcast(golden("2"), "2");
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(((IntelEntityHiddenHitEvent) serializer.deserialize(upcast.getData())).rule()).isEqualTo("e164");
    }

    private IntermediateEventRepresentation upcast(byte[] payload, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("IntelReport", "r-1", 1, "event-1",
                Instant.EPOCH, IntelEntityHiddenHitEvent.class.getName(), revision, payload, "{}".getBytes());
        List<IntermediateEventRepresentation> result = new EventUpcasterChain(new IntelEntityHiddenHitUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    private static byte[] golden(String revision) throws Exception {
        try (InputStream in = IntelEntityHiddenHitUpcasterTest.class
                .getResourceAsStream("/events/IntelEntityHiddenHitEvent." + revision + ".json")) {
            return in.readAllBytes();
        }
    }
}
