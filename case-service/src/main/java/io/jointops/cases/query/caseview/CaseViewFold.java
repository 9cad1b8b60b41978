package io.jointops.cases.query.caseview;

import io.jointops.api.cases.CaseActivatedEvent;
import io.jointops.api.cases.CaseClosedEvent;
import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseLinkedItemUpdatedEvent;
import io.jointops.api.cases.CaseMemberAddedEvent;
import io.jointops.api.cases.CaseMemberRemovedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CasePartnerAddedEvent;
import io.jointops.api.cases.CaseReopenedEvent;
import io.jointops.api.cases.CaseSuspendedEvent;
import io.jointops.api.cases.CaseTagsSetEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A case's view rebuilt from its events alone, exactly as {@link CaseViewProjector} and {@link CaseViews} would show
 * it after those events: the state of a case at an earlier instant. Pure: no table is read.
 */
final class CaseViewFold {

    private CaseViewFold() {
    }

    /** The view after {@code events} (one case's, in stream order); empty if they do not open a case. */
    static Optional<CaseView> fold(List<? extends DomainEventMessage<?>> events) {
        CaseView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    private static CaseView apply(CaseView view, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        Object payload = message.getPayload();
        if (payload instanceof CaseOpenedEvent opened) {
            return new CaseView(opened.caseId(), opened.title(), opened.summary(), opened.leadAgency(),
                    opened.partnerAgencies().stream().sorted().toList(), opened.tlp().label(),
                    opened.handlingCode().name(), "OPENED", null, List.of(), version, at,
                    AuditMetadata.actor(message.getMetaData()), at, List.of(), List.of());
        }
        if (view == null) {
            return null;
        }
        Builder next = new Builder(view, version, at);
        if (payload instanceof CasePartnerAddedEvent added) {
            next.partners.add(added.agency());
            next.partners.sort(Comparator.naturalOrder());
        } else if (payload instanceof CaseItemLinkedEvent linked) {
            boolean known = next.items.stream().anyMatch(item ->
                    item.type().equals(linked.itemType().name()) && item.id().equals(linked.itemId()));
            if (!known) {
                next.items.add(new CaseView.LinkedItem(linked.itemType().name(), linked.itemId(), linked.title(), null, at, at));
                next.items.sort(Comparator.comparing(CaseView.LinkedItem::linkedAt).thenComparing(CaseView.LinkedItem::id));
            }
        } else if (payload instanceof CaseLinkedItemUpdatedEvent updated) {
            next.items.replaceAll(item -> item.type().equals(updated.itemType().name()) && item.id().equals(updated.itemId())
                    ? new CaseView.LinkedItem(item.type(), item.id(),
                    updated.title() == null ? item.title() : updated.title(),
                    updated.status() == null ? item.status() : updated.status(), item.linkedAt(), at)
                    : item);
        } else if (payload instanceof CaseActivatedEvent || payload instanceof CaseReopenedEvent) {
            next.status = "ACTIVE";
            next.closingReason = null;
        } else if (payload instanceof CaseSuspendedEvent) {
            next.status = "SUSPENDED";
        } else if (payload instanceof CaseClosedEvent closed) {
            next.status = "CLOSED";
            next.closingReason = closed.closingReason().name();
        } else if (payload instanceof CaseTagsSetEvent tagged) {
            next.tags = tagged.tags().stream().sorted().toList();
        } else if (payload instanceof CaseMemberAddedEvent member) {
            next.members.removeIf(m -> m.username().equals(member.username()));
            next.members.add(new CaseView.Member(member.username(), member.agency(), member.role().name(), at));
            next.members.sort(CaseViews.MEMBER_ORDER);
        } else if (payload instanceof CaseMemberRemovedEvent removed) {
            next.members.removeIf(m -> m.username().equals(removed.username()));
        } else {
            // tasks and notes are not part of the case view; they still count as a version of the case
        }
        return next.build(view);
    }

    /** The changeable parts of a view, copied. */
    private static final class Builder {
        final List<String> partners;
        final List<CaseView.LinkedItem> items;
        final List<CaseView.Member> members;
        String status;
        String closingReason;
        List<String> tags;
        final long version;
        final Instant at;

        Builder(CaseView view, long version, Instant at) {
            partners = new ArrayList<>(view.partnerAgencies());
            items = new ArrayList<>(view.linkedItems());
            members = new ArrayList<>(view.members());
            status = view.status();
            closingReason = view.closingReason();
            tags = view.tags();
            this.version = version;
            this.at = at;
        }

        CaseView build(CaseView view) {
            return new CaseView(view.id(), view.title(), view.summary(), view.leadAgency(), List.copyOf(partners),
                    view.tlp(), view.handlingCode(), status, closingReason, tags, version, view.openedAt(),
                    view.openedBy(), at, List.copyOf(members), List.copyOf(items));
        }
    }
}
