package io.jointops.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.Personal;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Encrypts the {@link Personal} fields of a message's JSON and decrypts them again: the one place that knows how
 * personal data is stored. Each value becomes an envelope {@code {"$personal": "<key id>", "ciphertext": "<base64>"}}
 * in place of the text: AES-256-GCM under its data subject's key in the item ({@link SubjectKeys}), a random 96-bit
 * nonce before the ciphertext and tag, the key id as associated data. Decrypting needs no knowledge of the record: it
 * replaces every envelope of a JSON tree by its text, or by {@link Personal#ERASED} when the key was destroyed, so it
 * works on any revision and on what an upcaster made of it. Each record class is planned once, from its marks;
 * a mark that cannot be read fails the plan, so {@link #check} finds it in a test.
 */
public final class PersonalData {

    /** The member that marks an envelope; no record of the contracts has a component of that name. */
    public static final String MARK = "$personal";
    public static final String CIPHERTEXT = "ciphertext";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Cipher.getInstance looks the provider up on each call; each thread re-initialises its own for every use. */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PersonalData.class);

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return plan(type);
        }
    };

    private final SubjectKeys keys;
    private final Subjects subjects;

    public PersonalData(SubjectKeys keys) {
        this.keys = keys;
        this.subjects = new Subjects(keys::subjectSecret);
    }

    public Subjects subjects() {
        return subjects;
    }

    /** The keys made for items being created in this transaction, not stored yet ({@link SubjectKeys#takeUnstored}). */
    public List<SubjectKeys.Unstored> takeUnstoredKeys() {
        return keys.takeUnstored();
    }

    /** Whether messages of {@code type} can hold personal fields: it, or a record it holds, has a marked component. */
    public static boolean canHold(Class<?> type) {
        return type.isRecord() && !PLANS.get(type).steps.isEmpty();
    }

    /**
     * Plans {@code type}'s marks, failing if one cannot be read: a mark on anything but a text or a collection of
     * texts, a {@code kindFrom}, {@code countryFrom} or {@code subjectFrom} that names no fitting component.
     *
     * @throws IllegalStateException naming the record and component
     */
    public static void check(Class<?> type) {
        PLANS.get(type);
    }

    /** The JSON paths ({@code entities[].value}) of {@code type}'s personal fields, for documentation and tests. */
    public static List<String> paths(Class<?> type) {
        List<String> paths = new ArrayList<>();
        paths(type, "", paths);
        return paths;
    }

    /** Replaces, in {@code json} (the serialized {@code message}), each personal value by its envelope. */
    public void encrypt(Object message, JsonNode json, ItemRef item) {
        if (message != null && json instanceof ObjectNode object) {
            encrypt(message, object, new Writing(item));
        }
    }

    /** Whether {@code json} holds an envelope anywhere. */
    public static boolean holdsEnvelope(JsonNode json) {
        return json != null && json.findParent(MARK) != null;
    }

    /**
     * Replaces each envelope in {@code json} by its text, or by {@link Personal#ERASED} if its key is gone; answers
     * the tree (the same one, changed, unless {@code json} is itself an envelope).
     */
    public JsonNode decrypt(JsonNode json) {
        if (json == null) {
            return null;
        }
        if (json.isObject()) {
            if (json.has(MARK)) {
                return TextNode.valueOf(open(json));
            }
            ObjectNode object = (ObjectNode) json;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> changed = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = decrypt(field.getValue());
                if (value != field.getValue()) {
                    changed.add(Map.entry(field.getKey(), value));
                }
            }
            changed.forEach(entry -> object.set(entry.getKey(), entry.getValue()));
        } else if (json.isArray()) {
            ArrayNode array = (ArrayNode) json;
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = decrypt(array.get(i));
                if (value != array.get(i)) {
                    array.set(i, value);
                }
            }
        }
        return json;
    }

    /** The key ids of the envelopes in {@code json}, in document order. */
    public static List<UUID> keyIds(JsonNode json) {
        return json == null ? List.of() : json.findParents(MARK).stream()
                .map(envelope -> UUID.fromString(envelope.get(MARK).asText())).toList();
    }

    private String open(JsonNode envelope) {
        UUID id;
        byte[] sealed;
        try {
            id = UUID.fromString(envelope.path(MARK).asText());
            sealed = Base64.getDecoder().decode(envelope.path(CIPHERTEXT).asText());
        } catch (IllegalArgumentException e) {
            log.error("An envelope of personal data cannot be read; it reads as erased");
            return Personal.ERASED;
        }
        Optional<DataKey> key = keys.find(id);
        if (key.isEmpty()) {
            return Personal.ERASED;
        }
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key.get().key(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            // changed after it was written: the notary's hashes prove that; the service reads it as gone
            log.error("The ciphertext of a personal field under key {} fails its tag; it reads as erased", id);
            return Personal.ERASED;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static ObjectNode seal(DataKey key, String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(key.id().toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            ObjectNode envelope = JsonNodeFactory.instance.objectNode();
            envelope.put(MARK, key.id().toString());
            envelope.put(CIPHERTEXT, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
            return envelope;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** One message's writing: its item, and the keys it took, so a subject repeated in a message costs one look-up. */
    private final class Writing {
        final ItemRef item;
        final Map<String, DataKey> taken = new java.util.HashMap<>();

        Writing(ItemRef item) {
            this.item = item;
        }

        ObjectNode seal(String subjectRef, String text) {
            return PersonalData.seal(taken.computeIfAbsent(subjectRef, ref -> keys.keyFor(ref, item)), text);
        }

        String itemSubject() {
            return subjects.ofItem(item.itemId());
        }

        Subjects subjects() {
            return subjects;
        }
    }

    private static void encrypt(Object record, ObjectNode json, Writing writing) {
        for (Step step : PLANS.get(record.getClass()).steps) {
            step.encrypt(record, json, writing);
        }
    }

    // ---- plans ----

    private record Plan(List<Step> steps) {
    }

    private interface Step {
        void encrypt(Object record, ObjectNode json, Writing writing);

        void paths(String prefix, List<String> paths);
    }

    /** The subject of a value of a record: an identifier's, or the item's. */
    private interface SubjectOf {
        String of(Object record, String value, Writing writing);
    }

    private static Plan plan(Class<?> type) {
        if (!type.isRecord()) {
            return new Plan(List.of());
        }
        Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        List<Step> steps = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Personal mark = component.getAnnotation(Personal.class);
            String where = type.getName() + "." + component.getName();
            if (mark != null) {
                SubjectOf subject = subjectOf(where, component, components);
                if (component.getType() == String.class) {
                    steps.add(text(component, subject));
                } else if (Collection.class.isAssignableFrom(component.getType())
                        && elementType(component) == String.class) {
                    steps.add(texts(component, subject));
                } else {
                    throw new IllegalStateException(where + " is marked @Personal but is no String or collection of them");
                }
                continue;
            }
            Class<?> held = heldRecord(component);
            if (held != null && held != type && canHold(held)) {
                steps.add(nested(component, held));
            }
        }
        return new Plan(List.copyOf(steps));
    }

    private static SubjectOf subjectOf(String where, RecordComponent component, Map<String, RecordComponent> components) {
        Personal mark = component.getAnnotation(Personal.class);
        Identifies identifies = component.getAnnotation(Identifies.class);
        if (identifies != null) {
            return identifier(where, identifies.kind(), identifies.kindFrom(), identifies.countryFrom(), components);
        }
        if (mark.kind().length > 0 || !mark.kindFrom().isEmpty()) {
            return identifier(where, mark.kind(), mark.kindFrom(), mark.countryFrom(), components);
        }
        if (!mark.subjectFrom().isEmpty()) {
            RecordComponent sibling = components.get(mark.subjectFrom());
            if (sibling == null || sibling == component || sibling.getType() != String.class) {
                throw new IllegalStateException(where + ": subjectFrom '" + mark.subjectFrom()
                        + "' is no other String component of the record");
            }
            Identifies its = sibling.getAnnotation(Identifies.class);
            Personal itsMark = sibling.getAnnotation(Personal.class);
            SubjectOf siblings;
            if (its != null) {
                siblings = identifier(where, its.kind(), its.kindFrom(), its.countryFrom(), components);
            } else if (itsMark != null && (itsMark.kind().length > 0 || !itsMark.kindFrom().isEmpty())) {
                siblings = identifier(where, itsMark.kind(), itsMark.kindFrom(), itsMark.countryFrom(), components);
            } else {
                throw new IllegalStateException(where + ": subjectFrom '" + mark.subjectFrom()
                        + "' names no identifier (@Identifies, or @Personal with a kind)");
            }
            return (record, value, writing) -> {
                String siblingValue = (String) read(sibling, record);
                return siblingValue == null || siblingValue.isBlank() ? writing.itemSubject()
                        : siblings.of(record, siblingValue, writing);
            };
        }
        return (record, value, writing) -> writing.itemSubject();
    }

    private static SubjectOf identifier(String where, Identifies.Kind[] kinds, String kindFrom, String countryFrom,
                                        Map<String, RecordComponent> components) {
        boolean fixed = kinds.length > 0;
        if (fixed == !kindFrom.isEmpty()) {
            throw new IllegalStateException(where + " must give either kind or kindFrom");
        }
        RecordComponent source = fixed ? null : components.get(kindFrom);
        if (!fixed && (source == null || !(Identifies.KindSource.class.isAssignableFrom(source.getType())
                || source.getType() == Identifies.Kind.class))) {
            throw new IllegalStateException(where + ": kindFrom '" + kindFrom
                    + "' is no component of the record that is an Identifies.Kind or implements Identifies.KindSource");
        }
        RecordComponent country = countryFrom.isEmpty() ? null : components.get(countryFrom);
        if (!countryFrom.isEmpty() && (country == null || country.getType() != String.class)) {
            throw new IllegalStateException(where + ": countryFrom '" + countryFrom + "' is no String component");
        }
        Identifies.Kind first = fixed ? kinds[0] : null;
        return (record, value, writing) -> {
            Identifies.Kind kind = first;
            if (source != null) {
                Object given = read(source, record);
                if (given == null) {
                    return writing.itemSubject();
                }
                kind = given instanceof Identifies.Kind named ? named : ((Identifies.KindSource) given).identifierKind();
            }
            String dialledIn = country == null ? null : (String) read(country, record);
            return writing.subjects().ofIdentifier(kind, value, dialledIn);
        };
    }

    private static Step text(RecordComponent component, SubjectOf subject) {
        String name = component.getName();
        return new Step() {
            @Override
            public void encrypt(Object record, ObjectNode json, Writing writing) {
                String value = (String) read(component, record);
                if (value != null && json.path(name).isTextual()) {
                    json.set(name, writing.seal(subject.of(record, value, writing), value));
                }
            }

            @Override
            public void paths(String prefix, List<String> paths) {
                paths.add(prefix + name);
            }
        };
    }

    private static Step texts(RecordComponent component, SubjectOf subject) {
        String name = component.getName();
        return new Step() {
            @Override
            public void encrypt(Object record, ObjectNode json, Writing writing) {
                if (json.get(name) instanceof ArrayNode array) {
                    for (int i = 0; i < array.size(); i++) {
                        if (array.get(i).isTextual()) {
                            String value = array.get(i).asText();
                            array.set(i, writing.seal(subject.of(record, value, writing), value));
                        }
                    }
                }
            }

            @Override
            public void paths(String prefix, List<String> paths) {
                paths.add(prefix + name + "[]");
            }
        };
    }

    private static Step nested(RecordComponent component, Class<?> held) {
        String name = component.getName();
        boolean many = Collection.class.isAssignableFrom(component.getType());
        return new Step() {
            @Override
            public void encrypt(Object record, ObjectNode json, Writing writing) {
                Object value = read(component, record);
                if (value instanceof Collection<?> elements && json.get(name) instanceof ArrayNode array) {
                    int index = 0;
                    for (Object element : elements) {
                        if (element != null && index < array.size() && array.get(index) instanceof ObjectNode node) {
                            PersonalData.encrypt(element, node, writing);
                        }
                        index++;
                    }
                } else if (value != null && value.getClass().isRecord() && json.get(name) instanceof ObjectNode node) {
                    PersonalData.encrypt(value, node, writing);
                }
            }

            @Override
            public void paths(String prefix, List<String> paths) {
                PersonalData.paths(held, prefix + name + (many ? "[]." : "."), paths);
            }
        };
    }

    private static void paths(Class<?> type, String prefix, List<String> paths) {
        for (Step step : PLANS.get(type).steps) {
            step.paths(prefix, paths);
        }
    }

    /** The record type a component is or holds (a list or set of it), or null. */
    private static Class<?> heldRecord(RecordComponent component) {
        if (component.getType().isRecord()) {
            return component.getType();
        }
        if (Collection.class.isAssignableFrom(component.getType())) {
            Class<?> element = elementType(component);
            return element != null && element.isRecord() ? element : null;
        }
        return null;
    }

    private static Class<?> elementType(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType parameterized) {
            Type argument = parameterized.getActualTypeArguments()[0];
            return argument instanceof Class<?> element ? element : null;
        }
        return null;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException e) {
            // a record not visible from here (a test's); the contracts' records are public
            if (component.getAccessor().trySetAccessible()) {
                return read(component, record);
            }
            throw new IllegalStateException("Cannot read " + component, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}
