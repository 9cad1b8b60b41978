package io.jointops.platform.bus;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;

import java.util.List;

/**
 * Refuses to deserialize anything from a peer that is not one of the platform's own message types (or the few Axon
 * and JDK types the bus protocol itself carries): a bus request cannot make a service instantiate arbitrary classes.
 */
final class AllowListSerializer implements Serializer {

    private static final List<String> ALLOWED_PREFIXES = List.of(
            "io.jointops.api.",
            "org.axonframework.commandhandling.distributed.commandfilter.",
            "org.axonframework.messaging.MetaData",
            "org.axonframework.messaging.RemoteExceptionDescription",
            "java.lang.String", "java.lang.Long", "java.lang.Integer", "java.lang.Boolean", "java.lang.Void",
            "java.util.UUID");

    private final Serializer delegate;

    AllowListSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    static boolean isAllowed(String typeName) {
        return SimpleSerializedType.emptyType().getName().equals(typeName)
                || ALLOWED_PREFIXES.stream().anyMatch(typeName::startsWith);
    }

    private static void check(SerializedType type) {
        if (!isAllowed(type.getName())) {
            throw RefusedBusMessageException.foreignType(type.getName());
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        check(serializedObject.getType());
        try {
            return delegate.deserialize(serializedObject);
        } catch (SerializationException unreadable) {
            throw RefusedBusMessageException.unreadable(serializedObject.getType(), unreadable);
        }
    }

    @Override
    public Class classForType(SerializedType type) {
        check(type);
        return delegate.classForType(type);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
