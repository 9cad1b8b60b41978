package io.jointops.chemicals.command;

import io.jointops.identifiers.Countries;
import io.jointops.api.chemicals.AcknowledgePreExportNotificationCommand;
import io.jointops.api.chemicals.ClearPreExportNotificationCommand;
import io.jointops.api.chemicals.FilePreExportNotificationCommand;
import io.jointops.api.chemicals.NotificationStatus;
import io.jointops.api.chemicals.ObjectToPreExportNotificationCommand;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationAcknowledgedEvent;
import io.jointops.api.chemicals.PreExportNotificationClearedEvent;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.PreExportNotificationObjectedEvent;
import io.jointops.api.chemicals.PreExportNotificationUnansweredEvent;
import io.jointops.api.chemicals.RecordPreExportNotificationNoReplyCommand;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.axon.AggregateCache;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.jointops.chemicals.command.Inputs.blankToNull;
import static io.jointops.chemicals.command.Inputs.requireParty;
import static io.jointops.chemicals.command.Inputs.requireQuantity;
import static io.jointops.chemicals.command.Inputs.stripped;
import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A pre-export notification (1988 Convention, Art. 12(10)(a)): the exporting country's authority tells the importing
 * country's authority of a planned shipment of a controlled precursor. Released to the importing agency, which
 * acknowledges it and then clears it or objects within its response window; the response process marks it "no reply"
 * when the window passes unanswered.
 */
@Aggregate(cache = AggregateCache.BEAN)
class PreExportNotification {

    static final int MAX_ROUTE = 20;

    @AggregateIdentifier
    private String notificationId;
    private String exportingAgency;
    private String importingAgency;
    private NotificationStatus status;
    private Instant responseDueBy;

    PreExportNotification() {
        // for Axon: rebuilt from events
    }

    /**
     * @param precursors the registry read at start, injected by Axon
     * @param rules      who answers for which country, and the response windows; injected by Axon
     */
    @CommandHandler
    PreExportNotification(FilePreExportNotificationCommand command, ControlledPrecursors precursors, PenRules rules) {
        requireAgency("exportingAgency", command.exportingAgency());
        requireAgency("importingAgency", command.importingAgency());
        if (command.importingAgency().equals(command.exportingAgency())) {
            throw invalid("importingAgency", "must be another agency than the exporting agency " + command.exportingAgency());
        }
        requireParty("exporter", command.exporter());
        requireParty("importer", command.importer());
        requireParty("consignee", command.consignee());
        String exportCountry = command.exporter().address().country();
        if (!PenRules.isOfCountry(command.exportingAgency(), exportCountry)) {
            throw invalid("exporter.address.country", "the exporter must be in the notifying agency's country: "
                    + command.exportingAgency() + " does not notify exports from " + exportCountry);
        }
        String importCountry = command.importer().address().country();
        if (!rules.isImportAuthority(command.importingAgency(), importCountry)) {
            throw invalid("importingAgency", command.importingAgency() + " is not the importing country's authority: "
                    + rules.importAuthorityRule(importCountry));
        }
        requireControlledSubstance(command.substanceName().strip(), command.casNumber(), precursors);
        requireQuantity(command.quantity());
        requireMixture(command.mixturePercentage());
        List<String> route = command.route() == null ? List.of() : new ArrayList<>(command.route());
        if (route.size() > MAX_ROUTE) {
            throw invalid("route", "must list at most " + MAX_ROUTE + " countries");
        }
        for (String country : route) {
            if (!Countries.isCountry(country)) {
                throw invalid("route", "must list ISO 3166-1 alpha-2 country codes in upper case, such as NL");
            }
        }
        apply(new PreExportNotificationFiledEvent(command.notificationId(), command.exportingAgency(),
                command.importingAgency(), stripped(command.exporter()), stripped(command.importer()),
                stripped(command.consignee()), command.substanceName().strip(), command.casNumber(),
                command.quantity(), command.unit(), command.expectedDispatchDate(), command.pointOfEntry().strip(),
                blankToNull(command.exportLicenceNumber()), command.tlp(), command.handlingCode(),
                command.mixturePercentage(), command.transportMode(), List.copyOf(route),
                rules.responseDueBy(importCountry)));
    }

    @CommandHandler
    void handle(AcknowledgePreExportNotificationCommand command) {
        requireImportingAgency(command.respondingAgency());
        if (status != NotificationStatus.FILED && status != NotificationStatus.NO_REPLY) {
            throw new CommandRejectedException(Reason.CONFLICT, null,
                    "The notification is already " + status + "; only a FILED or NO_REPLY one is acknowledged.");
        }
        apply(new PreExportNotificationAcknowledgedEvent(notificationId, importingAgency));
    }

    @CommandHandler
    void handle(ClearPreExportNotificationCommand command) {
        requireImportingAgency(command.respondingAgency());
        requireUnanswered();
        apply(new PreExportNotificationClearedEvent(notificationId, importingAgency));
    }

    @CommandHandler
    void handle(ObjectToPreExportNotificationCommand command) {
        requireImportingAgency(command.respondingAgency());
        requireUnanswered();
        apply(new PreExportNotificationObjectedEvent(notificationId, importingAgency, command.reason().strip()));
    }

    /** The window passed; a reply that came first wins, and a second expiry (a redelivered deadline) changes nothing. */
    @CommandHandler
    void handle(RecordPreExportNotificationNoReplyCommand command) {
        if (status == NotificationStatus.FILED || status == NotificationStatus.ACKNOWLEDGED) {
            apply(new PreExportNotificationUnansweredEvent(notificationId, responseDueBy,
                    Set.of(exportingAgency, importingAgency)));
        }
    }

    @EventSourcingHandler
    void on(PreExportNotificationFiledEvent event) {
        notificationId = event.notificationId();
        exportingAgency = event.exportingAgency();
        importingAgency = event.importingAgency();
        responseDueBy = event.responseDueBy();
        status = NotificationStatus.FILED;
    }

    @EventSourcingHandler
    void on(PreExportNotificationAcknowledgedEvent event) {
        status = NotificationStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(PreExportNotificationClearedEvent event) {
        status = NotificationStatus.CLEARED;
    }

    @EventSourcingHandler
    void on(PreExportNotificationObjectedEvent event) {
        status = NotificationStatus.OBJECTED;
    }

    @EventSourcingHandler
    void on(PreExportNotificationUnansweredEvent event) {
        status = NotificationStatus.NO_REPLY;
    }

    /**
     * Only the importing authority responds. The exporting agency knows the notification and is told so; anyone
     * else must not learn that it exists.
     */
    private void requireImportingAgency(String agency) {
        if (!importingAgency.equals(agency)) {
            throw exportingAgency.equals(agency)
                    ? new CommandRejectedException(Reason.FORBIDDEN, null,
                    "Only the importing authority " + importingAgency + " responds to this notification.")
                    : new CommandRejectedException(Reason.NOT_FOUND, null,
                    "No pre-export notification '" + notificationId + "' is visible to you.");
        }
    }

    /** A late reply after "no reply" still counts (the escalation stays on record); a second reply does not. */
    private void requireUnanswered() {
        if (status == NotificationStatus.CLEARED || status == NotificationStatus.OBJECTED) {
            throw new CommandRejectedException(Reason.CONFLICT, null,
                    "The notification was already answered: it is " + status + ".");
        }
    }

    private static void requireMixture(BigDecimal percentage) {
        if (percentage != null && (percentage.signum() <= 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0
                || percentage.stripTrailingZeros().scale() > 2)) {
            throw invalid("mixturePercentage", "must be more than 0 and at most 100, with at most 2 decimals");
        }
    }

    /**
     * The CAS RN decides where the registry has one; a substance the registry knows only by name is matched by name.
     * A name and a number that point at different substances are refused: one of them is wrong.
     */
    private static void requireControlledSubstance(String name, String casNumber, ControlledPrecursors precursors) {
        if (!CasNumber.isValid(casNumber)) {
            throw invalid("casNumber", "'" + casNumber + "' is not a CAS registry number with a valid check digit");
        }
        Optional<ControlledPrecursors.Precursor> byCas = precursors.byCasNumber(casNumber);
        Optional<ControlledPrecursors.Precursor> byName = precursors.byName(name);
        if (byCas.isPresent()) {
            if (byName.isPresent() && !byName.get().equals(byCas.get())) {
                throw invalid("substanceName", "names " + byName.get().name() + ", but CAS RN " + casNumber
                        + " is that of " + byCas.get().name());
            }
            return;
        }
        if (byName.isPresent() && byName.get().casNumber() != null) {
            throw invalid("casNumber", casNumber + " is not the CAS RN of " + byName.get().name() + " ("
                    + byName.get().casNumber() + ")");
        }
        if (byName.isEmpty()) {
            throw invalid("casNumber", "neither CAS RN " + casNumber + " nor the name '" + name
                    + "' is a controlled precursor of Table I or II of the 1988 Convention");
        }
    }
}
