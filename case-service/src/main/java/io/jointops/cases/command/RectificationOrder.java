package io.jointops.cases.command;

import io.jointops.api.privacy.ApproveRectificationCommand;
import io.jointops.api.privacy.ErasureOfficer;
import io.jointops.api.privacy.ErasureSubject;
import io.jointops.api.privacy.OrderRectificationCommand;
import io.jointops.api.privacy.PersonalDataErasedEvent;
import io.jointops.api.privacy.PersonalDataRectifiedEvent;
import io.jointops.api.privacy.RectificationOrderedEvent;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.privacy.SubjectKeys;
import io.jointops.platform.privacy.Subjects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.jointops.platform.command.CommandChecks.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A rectification of personal data (docs/privacy.md, "Rectification"): the pairing, recorded as events, of a correction
 * an agency wrote through the item's own command with the wrong values it corrects, and, where the law requires it,
 * the shredding of those values in that item. Ordered by an officer of the agency that wrote the correction, carried
 * out when another supervisor of that agency approves (four eyes, as an erasure). Shredding destroys the wrong values'
 * keys in the item only, in the command's transaction with the events; a correction stored under the same subject as
 * a wrong value (an equivalent form of it, or the item's free text) would be shredded with it, so such an order is
 * refused: the erasure goes first and the correction after, or the rectification keeps the old value.
 */
@Aggregate(cache = AggregateCache.BEAN)
class RectificationOrder {

    static final int MAX_SUBJECTS = 20;

    @AggregateIdentifier
    private String rectificationId;
    private String agency;
    private String orderedBy;
    private String itemId;
    private long correctedBy;
    private List<String> subjectRefs;
    private boolean shred;
    private String legalBasis;
    private boolean carriedOut;

    RectificationOrder() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    RectificationOrder(OrderRectificationCommand command, Subjects subjects, StoredEvents stored) {
        ErasureOfficer officer = command.officer();
        if (officer == null || officer.agency() == null) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "A rectification is ordered by an agency's officer.");
        }
        List<ErasureSubject> named = command.subjects() == null ? List.of() : command.subjects();
        if (named.isEmpty() && !command.itemText()) {
            throw invalid("subjects", "must name the wrong values, or itemText for the item's free text");
        }
        if (named.size() > MAX_SUBJECTS) {
            throw invalid("subjects", "must name at most " + MAX_SUBJECTS + " wrong values");
        }
        List<String> refs = new ArrayList<>();
        for (ErasureSubject subject : named) {
            if (subject == null || subject.kind() == null) {
                throw invalid("subjects", "each wrong value needs its kind");
            }
            if (subject.value() == null || subject.value().isBlank()) {
                throw invalid("subjects", "each wrong value needs its value");
            }
            refs.add(subjects.ofIdentifier(subject.kind(), subject.value(), subject.country()));
        }
        if (command.itemText()) {
            refs.add(subjects.ofItem(command.itemId()));
        }
        if (command.correctedBy() < 1) {
            throw invalid("correctedBy", "must be the sequence of the item's event that corrects the wrong values, "
                    + "after the first event (1 or more)");
        }
        StoredEvents.StoredEvent correction = stored.find(command.itemId(), command.correctedBy()).orElseThrow(() ->
                invalid("correctedBy", "item '" + command.itemId() + "' has no event " + command.correctedBy()));
        if (!officer.agency().equals(correction.agency())) {
            throw invalid("correctedBy", "event " + command.correctedBy() + " of the item was not written by "
                    + officer.agency() + ": an agency rectifies with a correction of its own");
        }
        Set<String> shared = new HashSet<>(correction.subjectRefs());
        shared.retainAll(refs);
        if (command.shred() && !shared.isEmpty()) {
            throw invalid("correctedBy", "event " + command.correctedBy() + " is stored under the same data subject "
                    + "as a wrong value (an equivalent form of it, or the item's free text): shredding would erase the "
                    + "correction too. Order the erasure of the wrong value in the item first, then correct it, or "
                    + "rectify without shred");
        }
        apply(new RectificationOrderedEvent(command.rectificationId(), officer.agency(), officer.username(),
                command.itemId(), command.correctedBy(), List.copyOf(refs), command.shred(),
                command.legalBasis().strip(), command.reason() == null ? "" : command.reason().strip()));
    }

    @CommandHandler
    int handle(ApproveRectificationCommand command, SubjectKeys keys) {
        ErasureOfficer officer = command.officer();
        if (officer == null || !agency.equals(officer.agency())) {
            // another agency must not learn that the order exists
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No rectification '" + rectificationId
                    + "' is visible to you.");
        }
        if (!officer.supervisor()) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "Only a supervisor of " + agency
                    + " approves a rectification.");
        }
        if (Objects.equals(orderedBy, officer.username())) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "The officer who ordered a rectification does "
                    + "not approve it: another supervisor of " + agency + " does (four eyes).");
        }
        if (carriedOut) {
            throw new CommandRejectedException(Reason.CONFLICT, null, "The rectification was approved and carried out.");
        }
        String by = "rectification:" + rectificationId;
        Instant now = GenericEventMessage.clock.instant();
        List<String> destroyed = shred ? keys.destroy(subjectRefs, List.of(itemId), by) : List.of();
        if (!destroyed.isEmpty()) {
            // what every service follows after an erasure: forgotten keys, rebuilt views, partners told
            apply(new PersonalDataErasedEvent(by, agency, subjectRefs, List.of(itemId), destroyed.size(), legalBasis,
                    now));
        }
        apply(new PersonalDataRectifiedEvent(by, agency, officer.username(), itemId, correctedBy, destroyed.size(),
                legalBasis, now));
        return destroyed.size();
    }

    @EventSourcingHandler
    void on(RectificationOrderedEvent event) {
        rectificationId = event.rectificationId();
        agency = event.agency();
        orderedBy = event.orderedBy();
        itemId = event.itemId();
        correctedBy = event.correctedBy();
        subjectRefs = event.subjectRefs();
        shred = event.shred();
        legalBasis = event.legalBasis();
    }

    @EventSourcingHandler
    void on(PersonalDataRectifiedEvent event) {
        carriedOut = true;
    }
}
