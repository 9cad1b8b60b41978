package io.jointops.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.nio.charset.StandardCharsets;


/**
 * The event serializer: Jackson's, with each personal field encrypted on the way into the event store and decrypted
 * on the way out ({@link PersonalData}). Writing needs the event's item, which only the store's append has
 * ({@link #serialize(Object, Class, ItemRef)}); a message with personal fields serialized without one is refused,
 * so nothing personal reaches storage in clear by another path. Reading takes any stored form: envelopes are opened
 * wherever they are, events written before encryption are read as they are.
 */
public final class PersonalDataSerializer implements Serializer {

    private static final byte[] MARK = ("\"" + PersonalData.MARK + "\"").getBytes(StandardCharsets.UTF_8);

    private final Serializer delegate;
    private final PersonalData personalData;

    public PersonalDataSerializer(Serializer delegate, PersonalData personalData) {
        this.delegate = delegate;
        this.personalData = personalData;
    }

    public PersonalData personalData() {
        return personalData;
    }

    /**
     * Jackson's serializer without encryption: for answers to readers who may see the events (histories), never
     * for storage.
     */
    public Serializer forAnswers() {
        return delegate;
    }

    /** Serializes {@code object} of {@code item} with its personal fields encrypted. */
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation, ItemRef item) {
        if (object == null || !PersonalData.canHold(object.getClass())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> json = delegate.serialize(object, JsonNode.class);
        personalData.encrypt(object, json.getData(), item);
        return getConverter().convert(json, expectedRepresentation);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object != null && PersonalData.canHold(object.getClass())) {
            throw new IllegalStateException(object.getClass().getName() + " holds personal fields: it is serialized "
                    + "only by the event store's append, which knows its item (docs/privacy.md)");
        }
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!mayHoldEnvelope(serializedObject.getData())) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode json = getConverter().convert(serializedObject, JsonNode.class).getData();
        if (serializedObject.getData() instanceof JsonNode) {
            json = json.deepCopy(); // an upcaster's tree: left as it was
        }
        JsonNode plain = personalData.decrypt(json);
        return delegate.deserialize(new SimpleSerializedObject<>(plain, JsonNode.class, serializedObject.getType()));
    }

    private static boolean mayHoldEnvelope(Object data) {
        if (data instanceof byte[] bytes) {
            return indexOf(bytes, MARK) >= 0;
        }
        if (data instanceof String text) {
            return text.contains(PersonalData.MARK);
        }
        if (data instanceof JsonNode json) {
            return PersonalData.holdsEnvelope(json);
        }
        return data != null;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    @Override
    public String toString() {
        return "PersonalDataSerializer(" + delegate + ")";
    }

}
