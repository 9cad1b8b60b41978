package io.jointops.intel.query.reportview;

import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report's view rebuilt from its events alone, exactly as {@link IntelReportViewProjector} and
 * {@link IntelReportViews} would show it after those events: the state of a report at an earlier instant. Pure.
 */
final class IntelReportViewFold {

    private IntelReportViewFold() {
    }

    /** The view after {@code events} (one report's, in stream order); empty if they do not submit a report. */
    static Optional<IntelReportView> fold(List<? extends DomainEventMessage<?>> events) {
        IntelReportView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    private static IntelReportView apply(IntelReportView view, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        Object payload = message.getPayload();
        if (payload instanceof IntelReportSubmittedEvent submitted) {
            return new IntelReportView(submitted.reportId(), submitted.title(), submitted.summary(),
                    submitted.category().name(), submitted.sourceReliability().name(),
                    submitted.informationCredibility(),
                    submitted.sourceReliability().name() + submitted.informationCredibility(),
                    submitted.ownerAgency(), submitted.releasedTo().stream().sorted().toList(),
                    submitted.tlp().label(), submitted.handlingCode().name(), List.of(), version, at,
                    AuditMetadata.actor(message.getMetaData()), at);
        }
        if (view != null && payload instanceof IntelReportLinkedToCaseEvent linked) {
            List<String> cases = new ArrayList<>(view.linkedCases());
            cases.add(linked.caseId());
            return new IntelReportView(view.id(), view.title(), view.summary(), view.category(),
                    view.sourceReliability(), view.informationCredibility(), view.grading(), view.ownerAgency(),
                    view.releasedTo(), view.tlp(), view.handlingCode(), List.copyOf(cases), version,
                    view.submittedAt(), view.submittedBy(), at);
        }
        return view;
    }
}
