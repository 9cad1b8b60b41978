package io.jointops.finance.query.reportview;

import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import io.jointops.api.finance.TransactionReportLinkedToCaseEvent;
import io.jointops.api.finance.TransactionReportReleaseWidenedEvent;
import io.jointops.api.finance.TransactionsReportedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A report's view rebuilt from its events alone, exactly as {@link TransactionReportViewProjector} and
 * {@link TransactionReportViews} would show it after those events: the state of a report at an earlier instant. Pure.
 */
final class TransactionReportViewFold {

    private TransactionReportViewFold() {
    }

    /** The view after {@code events} (one report's, in stream order); empty if they do not file a report. */
    static Optional<TransactionReportView> fold(List<? extends DomainEventMessage<?>> events) {
        TransactionReportView view = null;
        for (DomainEventMessage<?> message : events) {
            long version = message.getSequenceNumber();
            Instant at = ItemEvents.asStored(message.getTimestamp());
            Object payload = message.getPayload();
            if (payload instanceof SuspiciousTransactionReportFiledEvent filed) {
                view = new TransactionReportView(filed.reportId(), filed.reportCode().name(), filed.reportingEntity(),
                        filed.submissionDate(), filed.reason(), filed.ownerAgency(),
                        filed.releasedTo().stream().sorted().toList(), filed.tlp().label(),
                        filed.handlingCode().name(), filed.reportingPerson(), filed.indicators(),
                        filed.transactionCount(), version, at, AuditMetadata.actor(message.getMetaData()), at);
            } else if (view != null && payload instanceof TransactionReportReleaseWidenedEvent widened) {
                view = view.releasedTo(widened.agency(), version, at);
            } else if (view != null && (payload instanceof TransactionsReportedEvent
                    || payload instanceof TransactionReportLinkedToCaseEvent)) {
                view = view.at(version, at);
            }
        }
        return Optional.ofNullable(view);
    }
}
