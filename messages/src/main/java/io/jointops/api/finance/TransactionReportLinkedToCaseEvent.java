package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/**
 * The owning service confirmed the link; case-service records it with the item's current title and status.
 *
 * @param status the item's status as the owning service names it (e.g. {@code DEPARTED})
 */
@Revision("1")
@NonPersonal
public record TransactionReportLinkedToCaseEvent(String reportId, String caseId,
                                                 @Personal String title, String status) {
}
