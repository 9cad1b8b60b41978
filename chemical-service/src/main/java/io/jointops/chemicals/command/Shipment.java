package io.jointops.chemicals.command;

import io.jointops.api.chemicals.FlagShipmentCommand;
import io.jointops.api.chemicals.LinkShipmentToCaseCommand;
import io.jointops.api.chemicals.RecordShipmentEventCommand;
import io.jointops.api.chemicals.RegisterShipmentCommand;
import io.jointops.api.chemicals.RequestShipmentActionCommand;
import io.jointops.api.chemicals.ShipmentArrivedEvent;
import io.jointops.api.chemicals.ShipmentControlledDeliveryRequestedEvent;
import io.jointops.api.chemicals.ShipmentDepartedEvent;
import io.jointops.api.chemicals.ShipmentEventType;
import io.jointops.api.chemicals.ShipmentFlaggedEvent;
import io.jointops.api.chemicals.ShipmentLinkedToCaseEvent;
import io.jointops.api.chemicals.ShipmentReachedWaypointEvent;
import io.jointops.api.chemicals.ShipmentRegisteredEvent;
import io.jointops.api.chemicals.ShipmentReleasedEvent;
import io.jointops.api.chemicals.ShipmentSeizedEvent;
import io.jointops.api.chemicals.ShipmentStatus;
import io.jointops.api.chemicals.ShipmentStopRequestedEvent;
import io.jointops.api.chemicals.ShipmentStoppedEvent;
import io.jointops.api.chemicals.ShipmentTransshippedEvent;
import io.jointops.api.chemicals.StopShipmentCommand;
import io.jointops.api.evidence.AddEvidenceFileCommand;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.command.EvidenceFiles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.jointops.chemicals.command.Inputs.blankToNull;
import static io.jointops.chemicals.command.Inputs.requireAgencies;
import static io.jointops.chemicals.command.Inputs.requireCountry;
import static io.jointops.chemicals.command.Inputs.requireParty;
import static io.jointops.chemicals.command.Inputs.requireQuantity;
import static io.jointops.chemicals.command.Inputs.requireSubstance;
import static io.jointops.chemicals.command.Inputs.stripped;
import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A consignment of a controlled precursor tracked from dispatch to arrival, usually under a pre-export notification.
 * Every agency it is released to records what happens to it, flags it or asks for a controlled delivery or a stop.
 */
@Aggregate(cache = AggregateCache.BEAN)
class Shipment {

    /** The aggregate's type, as stored; its evidence command's name ({@link AddEvidenceFileCommand#nameFor}). */
    static final String TYPE = "Shipment";
    static final String ADD_EVIDENCE = AddEvidenceFileCommand.NAME + "@" + TYPE;

    static final int MAX_REASONS = 20;
    private static final Set<ShipmentStatus> MOVING = EnumSet.of(ShipmentStatus.DEPARTED, ShipmentStatus.IN_TRANSIT,
            ShipmentStatus.RELEASED);

    @AggregateIdentifier
    private String shipmentId;
    private String title;
    private ShipmentStatus status;
    private final Set<String> agencies = new HashSet<>();
    private final EvidenceFiles evidence = new EvidenceFiles(TYPE);
    private final Set<String> linkedCases = new HashSet<>();

    Shipment() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Shipment(RegisterShipmentCommand command, ControlledPrecursors precursors) {
        requireAgency("registeringAgency", command.registeringAgency());
        requireAgencies("agencies", command.agencies());
        requireParty("exporter", command.exporter());
        requireParty("importer", command.importer());
        requireParty("consignee", command.consignee());
        ControlledPrecursors.Precursor precursor = requireSubstance(command.substanceName(), command.casNumber(), precursors);
        requireQuantity(command.quantity());
        if (command.licensedQuantity() != null) {
            requireQuantity("licensedQuantity", command.licensedQuantity());
        }
        List<String> route = command.declaredRoute() == null ? List.of() : List.copyOf(command.declaredRoute());
        route.forEach(country -> requireCountry("declaredRoute", country));
        Set<String> visibleTo = new TreeSet<>(command.agencies() == null ? Set.of() : command.agencies());
        visibleTo.add(command.registeringAgency());
        String substance = command.substanceName().strip();
        String casNumber = blankToNull(command.casNumber()) != null ? command.casNumber().strip() : precursor.casNumber();
        String title = command.quantity().stripTrailingZeros().toPlainString() + " " + command.unit() + " " + substance
                + " to " + command.importer().name().strip();
        apply(new ShipmentRegisteredEvent(command.shipmentId(), title, command.registeringAgency(),
                blankToNull(command.notificationId()), visibleTo, stripped(command.exporter()),
                stripped(command.importer()), stripped(command.consignee()), substance, casNumber, command.quantity(),
                command.unit(), command.licensedQuantity(), command.declaredGoods().strip(), route,
                command.transportMode(), command.tlp(), command.handlingCode()));
    }

    @CommandHandler
    void handle(RecordShipmentEventCommand command) {
        requireVisibleTo(command.recordingAgency());
        requireCountry("country", command.country());
        ShipmentStatus next = next(command.type());
        String place = command.place().strip();
        String note = blankToNull(command.note());
        String agency = command.recordingAgency();
        switch (command.type()) {
            case DEPARTED -> apply(new ShipmentDepartedEvent(shipmentId, place, command.country(), command.occurredAt(), note, agency, next));
            case AT_WAYPOINT -> apply(new ShipmentReachedWaypointEvent(shipmentId, place, command.country(), command.occurredAt(), note, agency, next));
            case TRANSSHIPPED -> apply(new ShipmentTransshippedEvent(shipmentId, place, command.country(), command.occurredAt(), note, agency, next));
            case ARRIVED -> apply(new ShipmentArrivedEvent(shipmentId, place, command.country(), command.occurredAt(), note, agency, next));
            case SEIZED -> apply(new ShipmentSeizedEvent(shipmentId, place, command.country(), command.occurredAt(), note, agency, next));
            case RELEASED -> apply(new ShipmentReleasedEvent(shipmentId, place, command.country(), command.occurredAt(), note, agency, next));
        }
    }

    @CommandHandler
    void handle(FlagShipmentCommand command) {
        requireVisibleTo(command.flaggingAgency());
        List<String> reasons = new ArrayList<>();
        if (command.reasons() != null) {
            for (String reason : command.reasons()) {
                reasons.add(reason.strip());
            }
        }
        if (reasons.isEmpty() || reasons.size() > MAX_REASONS) {
            throw invalid("reasons", "must give 1 to " + MAX_REASONS + " reasons in words");
        }
        apply(new ShipmentFlaggedEvent(shipmentId, command.flaggingAgency(), reasons));
    }

    @CommandHandler
    void handle(RequestShipmentActionCommand command) {
        requireVisibleTo(command.requestingAgency());
        if (status == ShipmentStatus.ARRIVED || status == ShipmentStatus.SEIZED || status == ShipmentStatus.STOPPED) {
            throw new CommandRejectedException(Reason.CONFLICT, null,
                    "The shipment is " + status + ": there is nothing left to deliver under control or to stop.");
        }
        switch (command.action()) {
            case CONTROLLED_DELIVERY -> apply(new ShipmentControlledDeliveryRequestedEvent(shipmentId,
                    command.requestingAgency(), command.reason().strip()));
            case STOP -> apply(new ShipmentStopRequestedEvent(shipmentId, command.requestingAgency(), command.reason().strip()));
        }
    }

    /** From the notification process; a shipment already stopped, seized or arrived stays as it is (redelivery-safe). */
    @CommandHandler
    void handle(StopShipmentCommand command) {
        if (status == ShipmentStatus.REGISTERED || MOVING.contains(status)) {
            apply(new ShipmentStoppedEvent(shipmentId, command.notificationId(), command.reason(), ShipmentStatus.STOPPED));
        }
    }

    @CommandHandler
    void handle(LinkShipmentToCaseCommand command) {
        requireVisibleTo(command.requestingAgency());
        Set<String> blind = new TreeSet<>(command.caseAgencies() == null ? Set.of() : command.caseAgencies());
        blind.removeAll(agencies);
        if (!blind.isEmpty()) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "The shipment is not released to "
                    + String.join(", ", blind) + ", which take part in the case; release it to them first.");
        }
        if (!linkedCases.contains(command.caseId())) {
            apply(new ShipmentLinkedToCaseEvent(shipmentId, command.caseId(), title, status.name()));
        }
    }

    private ShipmentStatus next(ShipmentEventType type) {
        boolean allowed = switch (type) {
            case DEPARTED -> status == ShipmentStatus.REGISTERED;
            case AT_WAYPOINT, TRANSSHIPPED, ARRIVED -> MOVING.contains(status);
            case SEIZED -> status != ShipmentStatus.SEIZED;
            case RELEASED -> status == ShipmentStatus.SEIZED || status == ShipmentStatus.STOPPED;
        };
        if (!allowed) {
            throw new CommandRejectedException(Reason.CONFLICT, "type", "A shipment that is " + status
                    + " cannot be recorded as " + type + ".");
        }
        return switch (type) {
            case DEPARTED -> ShipmentStatus.DEPARTED;
            case AT_WAYPOINT, TRANSSHIPPED -> ShipmentStatus.IN_TRANSIT;
            case ARRIVED -> ShipmentStatus.ARRIVED;
            case SEIZED -> ShipmentStatus.SEIZED;
            case RELEASED -> ShipmentStatus.RELEASED;
        };
    }

    private void requireVisibleTo(String agency) {
        if (!agencies.contains(agency)) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No shipment '" + shipmentId + "' is visible to you.");
        }
    }

    /** A file of the shipment (seizure photos, lab reports, shipping documents), from any of its agencies, seen by all. */
    @CommandHandler(commandName = ADD_EVIDENCE)
    void handle(AddEvidenceFileCommand command) {
        if (command.actor() == null || !agencies.contains(command.actor().agency())) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No shipment '" + shipmentId + "' is visible to you.");
        }
        evidence.add(shipmentId, command, List.copyOf(agencies)).forEach(AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(EvidenceFileAddedEvent event) {
        evidence.on(event);
    }

    @EventSourcingHandler
    void on(EvidenceFileSupersededEvent event) {
        evidence.on(event);
    }

    @EventSourcingHandler
    void on(ShipmentRegisteredEvent event) {
        shipmentId = event.shipmentId();
        title = event.title();
        status = ShipmentStatus.REGISTERED;
        agencies.addAll(event.agencies());
    }

    @EventSourcingHandler
    void on(ShipmentDepartedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ShipmentReachedWaypointEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ShipmentTransshippedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ShipmentArrivedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ShipmentSeizedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ShipmentReleasedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ShipmentStoppedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ShipmentLinkedToCaseEvent event) {
        linkedCases.add(event.caseId());
    }
}
