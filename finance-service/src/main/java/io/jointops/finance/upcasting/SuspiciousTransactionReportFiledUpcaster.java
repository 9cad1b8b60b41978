package io.jointops.finance.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link SuspiciousTransactionReportFiledEvent} revision 1 to 2: adds {@code reportingPerson} (none),
 * {@code indicators} (none) and {@code transactionCount} (0). Revision 1 reports carried no transactions: the
 * intake had no transaction fields then.
 */
@Component
@Order(0)
public class SuspiciousTransactionReportFiledUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(SuspiciousTransactionReportFiledEvent.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(REVISION_1.getName(), "2"), JsonNode.class, SuspiciousTransactionReportFiledUpcaster::toRevision2);
    }

    /** The payload change alone, pure, for the tests. */
    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode upcast = ((ObjectNode) revision1).deepCopy();
        upcast.putNull("reportingPerson");
        upcast.putArray("indicators");
        upcast.put("transactionCount", 0);
        return upcast;
    }
}
