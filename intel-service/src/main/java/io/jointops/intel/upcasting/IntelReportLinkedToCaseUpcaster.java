package io.jointops.intel.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportStatus;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link IntelReportLinkedToCaseEvent} revision 1 to 2: adds {@code status}. Every report linked under revision 1
 * was {@code DISSEMINATED}: reports were shared the moment they were submitted, before the release workflow.
 */
@Component
@Order(0)
public class IntelReportLinkedToCaseUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(IntelReportLinkedToCaseEvent.class.getName(), "1");

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
                    upcast.put("status", IntelReportStatus.DISSEMINATED.name());
                    return upcast;
                });
    }
}
