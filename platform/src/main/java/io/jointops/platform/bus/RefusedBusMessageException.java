package io.jointops.platform.bus;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;

/**
 * A peer's command the bus does not take: it names a type that is not one of the platform's messages (refused before
 * it is instantiated), or its payload or metadata cannot be read as its type. Answered as bad input: 400, naming the
 * field of the bus request at fault.
 */
public final class RefusedBusMessageException extends SerializationException {

    private final String field;

    private RefusedBusMessageException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    static RefusedBusMessageException foreignType(String typeName) {
        return new RefusedBusMessageException("payloadType", "Refused to deserialize type '" + typeName
                + "': only JointOps message types are accepted on the command bus", null);
    }

    static RefusedBusMessageException unreadable(SerializedType type, SerializationException cause) {
        boolean metaData = MetaData.class.getName().equals(type.getName());
        return new RefusedBusMessageException(metaData ? "serializedMetaData" : "serializedPayload",
                "cannot be read as " + (metaData ? "metadata" : type.getName()), cause);
    }

    /** The field of the bus request at fault. */
    public String field() {
        return field;
    }
}
