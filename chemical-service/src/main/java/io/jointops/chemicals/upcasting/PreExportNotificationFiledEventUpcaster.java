package io.jointops.chemicals.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Revision 1 of {@link PreExportNotificationFiledEvent} had no transport details and no response window: they are
 * added empty (no mixture stated, no transport mode, no route, no deadline).
 */
@Component
@Order(0)
public class PreExportNotificationFiledEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(PreExportNotificationFiledEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(PreExportNotificationFiledEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.putNull("mixturePercentage");
            event.putNull("transportMode");
            event.putArray("route");
            event.putNull("responseDueBy");
            return event;
        });
    }
}
