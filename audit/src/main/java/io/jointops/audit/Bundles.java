package io.jointops.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

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

    /**
     * Opens a bundle for streaming: the header is read up to the events, which are then parsed one at a time as the
     * iterator is advanced (an {@link UncheckedIOException} if the JSON breaks off). A bundle whose header fields come
     * after its events (not as {@link #write} writes it) is read whole first.
     */
    public static Reader open(InputStream in) throws IOException {
        return new Reader(MAPPER.getFactory().createParser(in));
    }

    /** A bundle being read: {@link #header()} (without events) and {@link #events()}. */
    public static final class Reader implements Closeable {
        private final JsonParser json;
        private String format;
        private String origin;
        private Bundle.Scope scope;
        private List<Bundle.AgencyKey> keys;
        private List<Bundle.SignedCheckpoint> checkpoints;
        private List<Bundle.ConsistencyProof> consistencyProofs;
        private List<String> rangeProof;
        private long eventsAfterCheckpoint;
        private List<String> erasedKeys;
        private Iterator<Bundle.Entry> events = List.<Bundle.Entry>of().iterator();

        private Reader(JsonParser json) throws IOException {
            this.json = json;
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(json, "a bundle is a JSON object");
            }
            fields(true);
        }

        public Bundle header() {
            return new Bundle(format, origin, scope, keys, checkpoints, consistencyProofs, rangeProof,
                    eventsAfterCheckpoint, List.of(), erasedKeys);
        }

        public Iterator<Bundle.Entry> events() {
            return events;
        }

        /** Reads fields up to the events (streamed if the header is complete) or to the end of the object. */
        private void fields(boolean stopAtEvents) throws IOException {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                switch (name) {
                    case "format" -> format = json.getValueAsString();
                    case "origin" -> origin = json.getValueAsString();
                    case "scope" -> scope = MAPPER.readValue(json, Bundle.Scope.class);
                    case "keys" -> keys = MAPPER.readValue(json, new TypeReference<>() { });
                    case "checkpoints" -> checkpoints = MAPPER.readValue(json, new TypeReference<>() { });
                    case "consistencyProofs" -> consistencyProofs = MAPPER.readValue(json, new TypeReference<>() { });
                    case "rangeProof" -> rangeProof = MAPPER.readValue(json, new TypeReference<>() { });
                    case "eventsAfterCheckpoint" -> eventsAfterCheckpoint = json.getValueAsLong();
                    case "erasedKeys" -> erasedKeys = MAPPER.readValue(json, new TypeReference<>() { });
                    case "events" -> {
                        if (json.currentToken() != JsonToken.START_ARRAY) {
                            throw new JsonParseException(json, "events must be an array");
                        }
                        boolean headerComplete = format != null && scope != null && keys != null && checkpoints != null
                                && consistencyProofs != null && (scope.isItem() || rangeProof != null);
                        if (stopAtEvents && headerComplete) {
                            events = new Streamed();
                            return;
                        }
                        List<Bundle.Entry> all = new ArrayList<>();
                        while (json.nextToken() != JsonToken.END_ARRAY) {
                            all.add(MAPPER.readValue(json, Bundle.Entry.class));
                        }
                        events = all.iterator();
                    }
                    default -> json.skipChildren();
                }
            }
        }

        /** Parses the next entry only when asked for it. */
        private final class Streamed implements Iterator<Bundle.Entry> {
            private Bundle.Entry next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        if (json.nextToken() == JsonToken.END_ARRAY) {
                            done = true;
                            fields(false); // whatever follows the events
                        } else {
                            next = MAPPER.readValue(json, Bundle.Entry.class);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next != null;
            }

            @Override
            public Bundle.Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Bundle.Entry entry = next;
                next = null;
                return entry;
            }
        }

        @Override
        public void close() throws IOException {
            json.close();
        }
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
            if (header.erasedKeys() != null) {
                json.writeFieldName("erasedKeys");
                MAPPER.writeValue(json, header.erasedKeys());
            }
            json.writeArrayFieldStart("events");
            while (events.hasNext()) {
                MAPPER.writeValue(json, events.next());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
