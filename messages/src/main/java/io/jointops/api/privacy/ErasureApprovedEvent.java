package io.jointops.api.privacy;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** A supervisor of the ordering agency approved the order (the second pair of eyes). */
@Revision("1")
@NonPersonal
public record ErasureApprovedEvent(String orderId, String agency, String approvedBy) {
}
