package io.jointops.intel.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelEntityHiddenHitEvent;
import io.jointops.intel.command.EntityIdentifiers;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link IntelEntityHiddenHitEvent} revision 1 to 2: adds {@code rule}. A search under revision 1 matched a report's
 * entity only by equal normal forms, so the rule is that of the entity type's normal form: {@code e164} for phone
 * numbers, {@code imo} for IMO numbers, {@code case-and-punctuation} for the rest.
 */
@Component
@Order(0)
public class IntelEntityHiddenHitUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(IntelEntityHiddenHitEvent.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(REVISION_1.getName(), "2"), JsonNode.class,
                payload -> {
                    ObjectNode upcast = ((ObjectNode) payload).deepCopy();
                    upcast.put("rule", EntityIdentifiers.normalFormRule(
                            EntityType.valueOf(payload.path("entityType").asText()),
                            payload.path("normalised").asText()).id());
                    return upcast;
                });
    }
}
