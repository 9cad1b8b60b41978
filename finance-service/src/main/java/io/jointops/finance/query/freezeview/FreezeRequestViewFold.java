package io.jointops.finance.query.freezeview;

import io.jointops.api.finance.FreezeExpiredEvent;
import io.jointops.api.finance.FreezeExpiryReminderIssuedEvent;
import io.jointops.api.finance.FreezeExtendedEvent;
import io.jointops.api.finance.FreezeGrantedEvent;
import io.jointops.api.finance.FreezeReleasedEvent;
import io.jointops.api.finance.FreezeRequestAcknowledgedEvent;
import io.jointops.api.finance.FreezeRequestLinkedToCaseEvent;
import io.jointops.api.finance.FreezeRequestRejectedEvent;
import io.jointops.api.finance.FreezeRequestedEvent;
import io.jointops.api.finance.FreezeTarget;
import io.jointops.api.finance.TargetAmount;
import io.jointops.finance.query.freezeview.FreezeRequestView.Target;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A freeze request's view after each of its events. Pure: the projector applies it event by event to the stored
 * record, and {@code ?asOf=} folds the events up to an instant with it, so both show the same record.
 */
public final class FreezeRequestViewFold {

    private FreezeRequestViewFold() {
    }

    static Optional<FreezeRequestView> fold(List<? extends DomainEventMessage<?>> events) {
        FreezeRequestView view = null;
        for (DomainEventMessage<?> message : events) {
            view = apply(view, message.getPayload(), message.getSequenceNumber(),
                    ItemEvents.asStored(message.getTimestamp()), AuditMetadata.actor(message.getMetaData()));
        }
        return Optional.ofNullable(view);
    }

    /** The events this fold applies (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = Set.of(
            FreezeRequestedEvent.class,
            FreezeRequestAcknowledgedEvent.class,
            FreezeGrantedEvent.class,
            FreezeRequestRejectedEvent.class,
            FreezeExtendedEvent.class,
            FreezeExpiryReminderIssuedEvent.class,
            FreezeReleasedEvent.class,
            FreezeExpiredEvent.class,
            FreezeRequestLinkedToCaseEvent.class);

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** The view after one more event; {@code view} is {@code null} before the request. Unknown events only version it. */
    static FreezeRequestView apply(FreezeRequestView v, Object event, long version, Instant at, String actor) {
        if (event instanceof FreezeRequestedEvent e) {
            List<Target> targets = new ArrayList<>();
            for (int i = 0; i < e.targets().size(); i++) {
                FreezeTarget t = e.targets().get(i);
                targets.add(new Target(i, t.account(), t.wallet(), t.assetId(), t.holder(), t.currency(),
                        t.amountSought(), BigDecimal.ZERO, BigDecimal.ZERO));
            }
            return new FreezeRequestView(e.requestId(), e.requestingAgency(), e.requestingCountry(), e.receivingAgency(),
                    e.receivingCountry(), e.measure().name(), e.legalBasis(), e.caseId(), e.urgency().name(), "REQUESTED",
                    false, targets, null, null, null, null, 0, null, List.of(), e.tlp().label(), e.handlingCode().name(),
                    version, at, actor, at);
        }
        if (v == null) {
            return null;
        }
        if (event instanceof FreezeRequestAcknowledgedEvent) {
            return with(v, "ACKNOWLEDGED", v.partial(), v.targets(), v.rejectionReason(), v.releaseReason(),
                    v.expiresAt(), v.expiryRule(), v.extensions(), v.reminderIssuedAt(), v.linkedCases(), version, at);
        }
        if (event instanceof FreezeGrantedEvent e) {
            Map<Integer, BigDecimal> frozen = byTarget(e.frozen());
            List<Target> targets = v.targets().stream().map(t -> new Target(t.index(), t.account(), t.wallet(),
                    t.assetId(), t.holder(), t.currency(), t.amountSought(),
                    frozen.getOrDefault(t.index(), BigDecimal.ZERO), t.amountReleased())).toList();
            return with(v, "FROZEN", e.partial(), targets, null, null, e.expiresAt(), e.expiryRule(), 0, null,
                    v.linkedCases(), version, at);
        }
        if (event instanceof FreezeRequestRejectedEvent e) {
            return with(v, "REJECTED", false, v.targets(), e.reason(), null, null, null, 0, null, v.linkedCases(),
                    version, at);
        }
        if (event instanceof FreezeExtendedEvent e) {
            return with(v, v.status(), v.partial(), v.targets(), null, null, e.expiresAt(), v.expiryRule(),
                    v.extensions() + 1, null, v.linkedCases(), version, at);
        }
        if (event instanceof FreezeExpiryReminderIssuedEvent) {
            return with(v, v.status(), v.partial(), v.targets(), null, null, v.expiresAt(), v.expiryRule(),
                    v.extensions(), at, v.linkedCases(), version, at);
        }
        if (event instanceof FreezeReleasedEvent e) {
            return with(v, "RELEASED", v.partial(), released(v.targets(), e.released()), null, e.reason(), v.expiresAt(),
                    v.expiryRule(), v.extensions(), v.reminderIssuedAt(), v.linkedCases(), version, at);
        }
        if (event instanceof FreezeExpiredEvent e) {
            return with(v, "EXPIRED", v.partial(), released(v.targets(), e.released()), null, null, v.expiresAt(),
                    v.expiryRule(), v.extensions(), v.reminderIssuedAt(), v.linkedCases(), version, at);
        }
        if (event instanceof FreezeRequestLinkedToCaseEvent e) {
            List<String> cases = Stream.concat(v.linkedCases().stream(), Stream.of(e.caseId())).distinct().sorted().toList();
            return with(v, v.status(), v.partial(), v.targets(), v.rejectionReason(), v.releaseReason(), v.expiresAt(),
                    v.expiryRule(), v.extensions(), v.reminderIssuedAt(), cases, version, at);
        }
        return with(v, v.status(), v.partial(), v.targets(), v.rejectionReason(), v.releaseReason(), v.expiresAt(),
                v.expiryRule(), v.extensions(), v.reminderIssuedAt(), v.linkedCases(), version, at);
    }

    private static List<Target> released(List<Target> targets, List<TargetAmount> released) {
        Map<Integer, BigDecimal> amounts = byTarget(released);
        return targets.stream().map(t -> new Target(t.index(), t.account(), t.wallet(), t.assetId(), t.holder(),
                t.currency(), t.amountSought(), t.amountFrozen(),
                t.amountReleased().add(amounts.getOrDefault(t.index(), BigDecimal.ZERO)))).toList();
    }

    private static Map<Integer, BigDecimal> byTarget(List<TargetAmount> amounts) {
        return amounts.stream().collect(Collectors.toMap(TargetAmount::target, TargetAmount::amount, BigDecimal::add));
    }

    private static FreezeRequestView with(FreezeRequestView v, String status, boolean partial, List<Target> targets,
                                          String rejectionReason, String releaseReason, Instant expiresAt,
                                          String expiryRule, int extensions, Instant reminderIssuedAt,
                                          List<String> linkedCases, long version, Instant at) {
        return new FreezeRequestView(v.id(), v.requestingAgency(), v.requestingCountry(), v.receivingAgency(),
                v.receivingCountry(), v.measure(), v.legalBasis(), v.caseId(), v.urgency(), status, partial, targets,
                rejectionReason, releaseReason, expiresAt, expiryRule, extensions, reminderIssuedAt, linkedCases,
                v.tlp(), v.handlingCode(), version, v.requestedAt(), v.requestedBy(), at);
    }
}
