package io.jointops.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;

/** Reads and writes bundles as JSON; writing streams the events, so a large range never sits in memory whole. */
public final class Bundles {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Bundles() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Bundle read(InputStream in) throws IOException {
        return MAPPER.readValue(in, Bundle.class);
    }

    /** Writes {@code header} (whose own event list is ignored) with {@code events} streamed in its place. */
    public static void write(Bundle header, Iterator<Bundle.Entry> events, OutputStream out) throws IOException {
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("format", header.format());
            json.writeStringField("origin", header.origin());
            json.writeFieldName("scope");
            MAPPER.writeValue(json, header.scope());
            json.writeFieldName("keys");
            MAPPER.writeValue(json, header.keys());
            json.writeFieldName("checkpoints");
            MAPPER.writeValue(json, header.checkpoints());
            json.writeFieldName("consistencyProofs");
            MAPPER.writeValue(json, header.consistencyProofs());
            if (header.rangeProof() != null) {
                json.writeFieldName("rangeProof");
                MAPPER.writeValue(json, header.rangeProof());
            }
            json.writeNumberField("eventsAfterCheckpoint", header.eventsAfterCheckpoint());
            json.writeArrayFieldStart("events");
            while (events.hasNext()) {
                MAPPER.writeValue(json, events.next());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
