package io.jointops.cases.query.caseview;

import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CasePartnerAddedEvent;
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
                    opened.handlingCode().name(), "OPENED", version, at,
                    AuditMetadata.actor(message.getMetaData()), at, List.of());
        }
        if (view == null) {
            return null;
        }
        if (payload instanceof CasePartnerAddedEvent added) {
            List<String> partners = new ArrayList<>(view.partnerAgencies());
            partners.add(added.agency());
            partners.sort(Comparator.naturalOrder());
            return with(view, partners, view.linkedItems(), version, at);
        }
        if (payload instanceof CaseItemLinkedEvent linked) {
            List<CaseView.LinkedItem> items = new ArrayList<>(view.linkedItems());
            boolean known = items.stream().anyMatch(item ->
                    item.type().equals(linked.itemType().name()) && item.id().equals(linked.itemId()));
            if (!known) {
                items.add(new CaseView.LinkedItem(linked.itemType().name(), linked.itemId(), linked.title(), at));
                items.sort(Comparator.comparing(CaseView.LinkedItem::linkedAt).thenComparing(CaseView.LinkedItem::id));
            }
            return with(view, view.partnerAgencies(), List.copyOf(items), version, at);
        }
        return view;
    }

    private static CaseView with(CaseView view, List<String> partners, List<CaseView.LinkedItem> items, long version,
                                 Instant at) {
        return new CaseView(view.id(), view.title(), view.summary(), view.leadAgency(), List.copyOf(partners),
                view.tlp(), view.handlingCode(), view.status(), version, view.openedAt(), view.openedBy(), at, items);
    }
}
