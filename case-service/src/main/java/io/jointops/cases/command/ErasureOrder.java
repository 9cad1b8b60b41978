package io.jointops.cases.command;

import io.jointops.api.privacy.ApproveErasureCommand;
import io.jointops.api.privacy.ErasureApprovedEvent;
import io.jointops.api.privacy.ErasureOfficer;
import io.jointops.api.privacy.ErasureOrderedEvent;
import io.jointops.api.privacy.ErasureSubject;
import io.jointops.api.privacy.OrderErasureCommand;
import io.jointops.api.privacy.PersonalDataErasedEvent;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.privacy.Subjects;
import io.jointops.platform.privacy.SubjectKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.jointops.platform.command.CommandChecks.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order to erase the personal data of data subjects (docs/privacy.md, "Erasure"): ordered by an officer with its
 * legal basis, carried out when a supervisor of the same agency, not the officer who ordered it, approves (four
 * eyes). Carrying it out destroys the subjects' keys ({@link SubjectKeys}) in the command's transaction, with the
 * events that record it, so either both are kept or neither. The subjects' identifiers are turned into their
 * references here and never stored. It lives in case-service because that service's database role alone may destroy
 * keys (beside the notary).
 */
@Aggregate(cache = AggregateCache.BEAN)
class ErasureOrder {

    static final int MAX_SUBJECTS = 20;
    static final int MAX_ITEMS = 200;

    @AggregateIdentifier
    private String orderId;
    private String agency;
    private String orderedBy;
    private List<String> subjectRefs;
    private List<String> itemIds;
    private String legalBasis;
    private boolean carriedOut;

    ErasureOrder() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    ErasureOrder(OrderErasureCommand command, Subjects subjects) {
        ErasureOfficer officer = command.officer();
        if (officer == null || officer.agency() == null) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "An erasure order is made by an agency's officer.");
        }
        List<ErasureSubject> named = command.subjects() == null ? List.of() : command.subjects();
        List<String> items = command.itemIds() == null ? List.of() : command.itemIds();
        if (named.isEmpty() && !(command.itemText() && !items.isEmpty())) {
            throw invalid("subjects", "must name at least one data subject, or items whose text to erase");
        }
        if (named.size() > MAX_SUBJECTS) {
            throw invalid("subjects", "must name at most " + MAX_SUBJECTS + " data subjects");
        }
        List<String> refs = new ArrayList<>();
        for (ErasureSubject subject : named) {
            if (subject == null || subject.kind() == null) {
                throw invalid("subjects", "each subject needs its kind");
            }
            if (subject.value() == null || subject.value().isBlank()) {
                throw invalid("subjects", "each subject needs its value");
            }
            refs.add(subjects.ofIdentifier(subject.kind(), subject.value(), subject.country()));
        }
        if (items.size() > MAX_ITEMS || items.stream().anyMatch(item -> item == null || item.isBlank())) {
            throw invalid("itemIds", "must be at most " + MAX_ITEMS + " item ids, none blank");
        }
        if (command.itemText() && items.isEmpty()) {
            throw invalid("itemIds", "must name the items whose text to erase");
        }
        List<Identifies.Kind> kinds = new ArrayList<>(named.stream().map(ErasureSubject::kind).toList());
        if (command.itemText()) {
            // an item's free text is its own subject's (docs/privacy.md): no kind of identifier
            items.forEach(item -> refs.add(subjects.ofItem(item)));
        }
        apply(new ErasureOrderedEvent(command.orderId(), officer.agency(), officer.username(), List.copyOf(refs),
                kinds, List.copyOf(items),
                command.legalBasis().strip(), command.reason() == null ? "" : command.reason().strip()));
    }

    @CommandHandler
    int handle(ApproveErasureCommand command, SubjectKeys keys) {
        ErasureOfficer officer = command.officer();
        if (officer == null || !agency.equals(officer.agency())) {
            // another agency must not learn that the order exists
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No erasure order '" + orderId
                    + "' is visible to you.");
        }
        if (!officer.supervisor()) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "Only a supervisor of " + agency
                    + " approves an erasure order.");
        }
        if (Objects.equals(orderedBy, officer.username())) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "The officer who ordered an erasure does not "
                    + "approve it: another supervisor of " + agency + " does (four eyes).");
        }
        if (carriedOut) {
            throw new CommandRejectedException(Reason.CONFLICT, null, "The erasure order was approved and carried out.");
        }
        List<String> destroyed = keys.destroy(subjectRefs, itemIds, "erasure-order:" + orderId);
        apply(new ErasureApprovedEvent(orderId, agency, officer.username()));
        apply(new PersonalDataErasedEvent("erasure-order:" + orderId, agency, subjectRefs,
                destroyed.stream().distinct().sorted().toList(), destroyed.size(), legalBasis, GenericEventMessage.clock.instant()));
        return destroyed.size();
    }

    @EventSourcingHandler
    void on(ErasureOrderedEvent event) {
        orderId = event.orderId();
        agency = event.agency();
        orderedBy = event.orderedBy();
        subjectRefs = event.subjectRefs();
        itemIds = event.itemIds();
        legalBasis = event.legalBasis();
    }

    @EventSourcingHandler
    void on(ErasureApprovedEvent event) {
        carriedOut = true;
    }
}
