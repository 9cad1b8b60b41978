package io.jointops.intel.query.reportview;

import io.jointops.api.intel.IntelReportApprovedEvent;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.IntelReportDisseminatedEvent;
import io.jointops.api.intel.IntelReportDraftRevisedEvent;
import io.jointops.api.intel.IntelReportDraftedEvent;
import io.jointops.api.intel.IntelReportFeedbackGivenEvent;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportRegradedEvent;
import io.jointops.api.intel.IntelReportReleaseWidenedEvent;
import io.jointops.api.intel.IntelReportReturnedEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.api.intel.IntelReportSubmittedForReleaseEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import io.jointops.api.intel.OnwardDisseminationConsentedEvent;
import io.jointops.api.intel.OnwardDisseminationRefusedEvent;
import io.jointops.api.intel.OnwardDisseminationRequestedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.command.EvidenceFiles;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A report's view rebuilt from its events alone. The projector keeps the table with the same function, one event
 * at a time, so the state at an earlier instant ({@code asOf}) and the live view cannot drift apart. Pure.
 */
public final class IntelReportViewFold {

    private IntelReportViewFold() {
    }

    /** The view after {@code events} (one report's, in stream order); empty if they do not create a report. */
    static Optional<IntelReportView> fold(List<? extends DomainEventMessage<?>> events) {
        IntelReportView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    /** Whether the view changes with events of this payload type. */
    /** The events this fold applies (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = EvidenceFiles.withItemEvents(
            IntelReportSubmittedEvent.class,
            IntelReportDraftedEvent.class,
            IntelReportDraftRevisedEvent.class,
            IntelReportSubmittedForReleaseEvent.class,
            IntelReportReturnedEvent.class,
            IntelReportApprovedEvent.class,
            IntelReportDisseminatedEvent.class,
            IntelReportRegradedEvent.class,
            IntelReportReleaseWidenedEvent.class,
            OnwardDisseminationRequestedEvent.class,
            OnwardDisseminationConsentedEvent.class,
            OnwardDisseminationRefusedEvent.class,
            IntelReportFeedbackGivenEvent.class,
            IntelReportWithdrawnEvent.class,
            IntelReportLinkedToCaseEvent.class);

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** The view after one more event; {@code view} is null before the report exists. */
    static IntelReportView apply(IntelReportView view, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        String actor = AuditMetadata.actor(message.getMetaData());
        Object payload = message.getPayload();
        if (payload instanceof IntelReportSubmittedEvent submitted) {
            String grading = submitted.sourceReliability().name() + submitted.informationCredibility();
            return new IntelReportView(submitted.reportId(), submitted.title(), submitted.summary(), "",
                    submitted.category().name(), submitted.sourceReliability().name(),
                    submitted.informationCredibility(), grading, List.of(new IntelReportView.Grade(grading, "", at, actor)),
                    submitted.ownerAgency(), submitted.releasedTo().stream().sorted().toList(),
                    submitted.tlp().label(), submitted.handlingCode().name(), "", "DISSEMINATED", null, null,
                    List.of(), List.of(), null, List.of(), List.of(), List.of(), version, at, actor, at, at);
        }
        if (payload instanceof IntelReportDraftedEvent drafted) {
            IntelReportContent content = drafted.content();
            String grading = content.sourceReliability().name() + content.informationCredibility();
            return withContent(new IntelReportView(drafted.reportId(), "", "", "", "", "", 0, grading,
                    List.of(new IntelReportView.Grade(grading, "", at, actor)), drafted.ownerAgency(), List.of(),
                    "", "", "", "DRAFT", null, null, List.of(), List.of(), null, List.of(), List.of(), List.of(),
                    version, at, actor, null, at), content, "DRAFT", version, at);
        }
        if (view == null) {
            return null;
        }
        Builder next = new Builder(view, version, at);
        if (payload instanceof IntelReportDraftRevisedEvent revised) {
            IntelReportView revisedView = withContent(view, revised.content(), "DRAFT", version, at);
            String grading = revisedView.grading();
            if (!grading.equals(view.grading())) {
                List<IntelReportView.Grade> grades = new ArrayList<>(view.grades());
                grades.add(new IntelReportView.Grade(grading, "revised draft", at, actor));
                return new Builder(revisedView, version, at).grades(grades).build();
            }
            return revisedView;
        } else if (payload instanceof IntelReportSubmittedForReleaseEvent) {
            next.status("SUBMITTED_FOR_RELEASE");
        } else if (payload instanceof IntelReportReturnedEvent returned) {
            next.status("RETURNED").returnComments(returned.comments());
        } else if (payload instanceof IntelReportApprovedEvent) {
            next.status("DISSEMINATED").returnComments(null);
        } else if (payload instanceof IntelReportDisseminatedEvent) {
            next.status("DISSEMINATED").disseminatedAt(at);
        } else if (payload instanceof IntelReportRegradedEvent regraded) {
            String grading = regraded.sourceReliability().name() + regraded.informationCredibility();
            List<IntelReportView.Grade> grades = new ArrayList<>(view.grades());
            grades.add(new IntelReportView.Grade(grading, regraded.reason(), at, actor));
            next.grade(regraded.sourceReliability().name(), regraded.informationCredibility(), grading).grades(grades);
        } else if (payload instanceof IntelReportReleaseWidenedEvent widened) {
            TreeSet<String> released = new TreeSet<>(view.releasedTo());
            released.addAll(widened.addedAgencies());
            next.releasedTo(List.copyOf(released));
        } else if (payload instanceof OnwardDisseminationRequestedEvent requested) {
            List<IntelReportView.OnwardRequest> requests = new ArrayList<>(view.onwardRequests());
            requests.add(new IntelReportView.OnwardRequest(requested.requestId(), requested.requestingAgency(),
                    requested.toAgency(), requested.justification(), "PENDING", null, at, actor, null, null));
            next.onwardRequests(requests);
        } else if (payload instanceof OnwardDisseminationConsentedEvent consented) {
            next.onwardRequests(decide(view, consented.requestId(), "CONSENTED", consented.comment(), at, actor));
        } else if (payload instanceof OnwardDisseminationRefusedEvent refused) {
            next.onwardRequests(decide(view, refused.requestId(), "REFUSED", refused.comment(), at, actor));
        } else if (payload instanceof IntelReportFeedbackGivenEvent given) {
            List<IntelReportView.Feedback> feedback = new ArrayList<>(view.feedback());
            feedback.add(new IntelReportView.Feedback(given.agency(), given.kind().name(), given.comment(), at, actor));
            next.feedback(feedback);
        } else if (payload instanceof IntelReportWithdrawnEvent withdrawn) {
            next.status("WITHDRAWN").withdrawalReason(withdrawn.reason());
        } else if (payload instanceof IntelReportLinkedToCaseEvent linked) {
            List<String> cases = new ArrayList<>(view.linkedCases());
            cases.add(linked.caseId());
            next.linkedCases(cases);
        } else if (!EvidenceFiles.ITEM_EVENTS.contains(payload.getClass())) {
            return view; // an evidence event is a version of the report, though it changes nothing shown here
        }
        return next.build();
    }

    private static List<IntelReportView.OnwardRequest> decide(IntelReportView view, String requestId, String status,
                                                              String comment, Instant at, String actor) {
        return view.onwardRequests().stream()
                .map(request -> request.requestId().equals(requestId)
                        ? new IntelReportView.OnwardRequest(request.requestId(), request.requestingAgency(),
                        request.toAgency(), request.justification(), status, comment, request.requestedAt(),
                        request.requestedBy(), at, actor)
                        : request)
                .toList();
    }

    private static IntelReportView withContent(IntelReportView view, IntelReportContent content, String status,
                                               long version, Instant at) {
        return new IntelReportView(view.id(), content.title(), content.summary(), content.body(),
                content.category().name(), content.sourceReliability().name(), content.informationCredibility(),
                content.sourceReliability().name() + content.informationCredibility(), view.grades(),
                view.ownerAgency(), content.releasedTo().stream().sorted().toList(), content.tlp().label(),
                content.handlingCode().name(), content.handlingRestriction(), status, view.returnComments(),
                view.withdrawalReason(), List.copyOf(content.entities()), List.copyOf(content.relations()),
                content.route(), view.onwardRequests(), view.feedback(), view.linkedCases(), version,
                view.createdAt(), view.createdBy(), view.disseminatedAt(), at);
    }

    /** Copies a view with some fields changed, and the new version and time. */
    private static final class Builder {
        private final IntelReportView view;
        private final long version;
        private final Instant at;
        private String status;
        private String returnComments;
        private boolean returnCommentsSet;
        private String withdrawalReason;
        private String sourceReliability;
        private Integer credibility;
        private String grading;
        private List<IntelReportView.Grade> grades;
        private List<String> releasedTo;
        private List<IntelReportView.OnwardRequest> onwardRequests;
        private List<IntelReportView.Feedback> feedback;
        private List<String> linkedCases;
        private Instant disseminatedAt;

        Builder(IntelReportView view, long version, Instant at) {
            this.view = view;
            this.version = version;
            this.at = at;
        }

        Builder status(String value) { status = value; return this; }
        Builder returnComments(String value) { returnComments = value; returnCommentsSet = true; return this; }
        Builder withdrawalReason(String value) { withdrawalReason = value; return this; }
        Builder grade(String reliability, int value, String code) { sourceReliability = reliability; credibility = value; grading = code; return this; }
        Builder grades(List<IntelReportView.Grade> value) { grades = List.copyOf(value); return this; }
        Builder releasedTo(List<String> value) { releasedTo = value; return this; }
        Builder onwardRequests(List<IntelReportView.OnwardRequest> value) { onwardRequests = List.copyOf(value); return this; }
        Builder feedback(List<IntelReportView.Feedback> value) { feedback = List.copyOf(value); return this; }
        Builder linkedCases(List<String> value) { linkedCases = List.copyOf(value); return this; }
        Builder disseminatedAt(Instant value) { disseminatedAt = value; return this; }

        IntelReportView build() {
            return new IntelReportView(view.id(), view.title(), view.summary(), view.body(), view.category(),
                    or(sourceReliability, view.sourceReliability()), or(credibility, view.informationCredibility()),
                    or(grading, view.grading()), or(grades, view.grades()), view.ownerAgency(),
                    or(releasedTo, view.releasedTo()), view.tlp(), view.handlingCode(), view.handlingRestriction(),
                    or(status, view.status()), returnCommentsSet ? returnComments : view.returnComments(),
                    or(withdrawalReason, view.withdrawalReason()), view.entities(), view.relations(), view.route(),
                    or(onwardRequests, view.onwardRequests()), or(feedback, view.feedback()),
                    or(linkedCases, view.linkedCases()), version, view.createdAt(), view.createdBy(),
                    or(disseminatedAt, view.disseminatedAt()), at);
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }
}
