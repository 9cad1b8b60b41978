package io.jointops.platform.bus;

import org.axonframework.serialization.SerializationException;

/**
 * A peer's command named a type that is not one of the platform's message types: refused before it is instantiated.
 * The bus answers it as bad input (400, naming {@code payloadType}), the only field of a bus request that names a type.
 */
public final class ForeignTypeRefusedException extends SerializationException {

    ForeignTypeRefusedException(String typeName) {
        super("Refused to deserialize type '" + typeName + "': only JointOps message types are accepted on the command bus");
    }
}
