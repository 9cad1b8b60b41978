package io.jointops.finance.query.reportview;

import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import io.jointops.api.finance.TransactionReportLinkedToCaseEvent;
import io.jointops.api.finance.TransactionReportReleaseWidenedEvent;
import io.jointops.api.finance.TransactionsReportedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.command.EvidenceFiles;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A report's view from its events: the projector applies one event at a time to the stored record, and
 * {@code ?asOf=} folds the events up to an instant, with the same function. Pure.
 */
public final class TransactionReportViewFold {

    private TransactionReportViewFold() {
    }

    /** The view after {@code events} (one report's, in stream order); empty if they do not file a report. */
    static Optional<TransactionReportView> fold(List<? extends DomainEventMessage<?>> events) {
        TransactionReportView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    /** The events this fold applies (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = EvidenceFiles.withItemEvents(
            SuspiciousTransactionReportFiledEvent.class,
            TransactionReportReleaseWidenedEvent.class,
            TransactionsReportedEvent.class,
            TransactionReportLinkedToCaseEvent.class);

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** The view after {@code message}; {@code view} is null before the report is filed. */
    static TransactionReportView apply(TransactionReportView view, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        Object payload = message.getPayload();
        if (payload instanceof SuspiciousTransactionReportFiledEvent filed) {
            return new TransactionReportView(filed.reportId(), filed.reportCode().name(), filed.reportingEntity(),
                    filed.submissionDate(), filed.reason(), filed.ownerAgency(),
                    filed.releasedTo().stream().sorted().toList(), filed.tlp().label(),
                    filed.handlingCode().name(), filed.reportingPerson(), filed.indicators(),
                    filed.transactionCount(), version, at, AuditMetadata.actor(message.getMetaData()), at);
        }
        if (view == null) {
            return null;
        }
        if (payload instanceof TransactionReportReleaseWidenedEvent widened) {
            return view.releasedTo(widened.agency(), version, at);
        }
        if (payload instanceof TransactionsReportedEvent || payload instanceof TransactionReportLinkedToCaseEvent
                || EvidenceFiles.ITEM_EVENTS.contains(payload.getClass())) {
            return view.at(version, at);
        }
        return view;
    }
}
