package io.jointops.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.platform.security.Caller;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A create's {@code Idempotency-Key}, as the platform keeps it: the new item's id is derived from the kind of item,
 * the caller's user id and the key, so a retry (after a timeout, a restart, or racing the first request) addresses the
 * same aggregate, and the event store's unique (aggregate, sequence) constraint makes a second item impossible. The
 * hash of the request (kind, caller, key and the body's canonical JSON) travels as command metadata into the item's
 * events ({@link #REQUEST_HASH}), so it is stored with the item in the same transaction: no table of keys that could
 * disagree with the event store after a crash, nothing to expire, and a retry with another body is recognised from
 * the item itself. Keys are scoped per caller: another user's same key names another item.
 *
 * @param itemId      the id the item created with this key has
 * @param requestHash SHA-256 of the request, hex
 */
record IdempotencyKey(String itemId, String requestHash) {

    static final String HEADER = "Idempotency-Key";
    /** Answer header of a create that was answered from the item the same key created before. */
    static final String REPLAYED = "Idempotent-Replayed";
    /** Metadata of a keyed create's command and of the events it caused: the request's hash. */
    static final String REQUEST_HASH = "requestHash";

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    /** Jackson as configured nowhere else: the canonical form must not change with a service's own settings. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /**
     * The key of a create of a {@code kind} item ({@code null} without the header).
     *
     * @throws InvalidRequestException naming {@code Idempotency-Key} if it is malformed
     */
    static IdempotencyKey of(String kind, Caller caller, String key, Object request) {
        if (key == null) {
            return null;
        }
        if (!SYNTAX.matcher(key).matches()) {
            throw new InvalidRequestException(HEADER,
                    "must be 8 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
        }
        if (caller.userId() == null) {
            throw new InvalidRequestException(HEADER, "needs a token that names its user (sub)");
        }
        // "case|<user>|<key>" is how case-service derived case ids before every create took the header: kept, so a
        // retry across the upgrade still finds its case
        String itemId = UUID.nameUUIDFromBytes((kind + "|" + caller.userId() + "|" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new IdempotencyKey(itemId, hash(kind, caller, key, request));
    }

    /** {@code command} carrying the request's hash, for the item's events to keep. */
    CommandMessage<?> tag(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(REQUEST_HASH, requestHash));
    }

    /**
     * SHA-256 over kind, caller, key and the body's canonical JSON (object members sorted, nulls left out: a retry
     * whose client orders members differently, or a body read by a newer version with one more optional field, is
     * the same request).
     */
    static String hash(String kind, Caller caller, String key, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {kind, caller.userId(), caller.agency(), key}) {
                sha256.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            sha256.update(CANONICAL.writeValueAsBytes(canonical(CANONICAL.valueToTree(request))));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    sorted.put(field.getKey(), canonical(field.getValue()));
                }
            }
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }
}
