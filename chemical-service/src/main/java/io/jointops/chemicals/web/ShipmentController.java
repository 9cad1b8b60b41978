package io.jointops.chemicals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.chemicals.FlagShipmentCommand;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.RecordShipmentEventCommand;
import io.jointops.api.chemicals.RegisterShipmentCommand;
import io.jointops.api.chemicals.RequestShipmentActionCommand;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.chemicals.query.notificationview.NotificationView;
import io.jointops.chemicals.query.notificationview.NotificationViews;
import io.jointops.chemicals.query.shipmentview.ShipmentView;
import io.jointops.chemicals.query.shipmentview.ShipmentViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.jointops.platform.web.ItemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.springframework.http.HttpHeaders.IF_MATCH;

@RestController
@RequestMapping("/api/chemicals/shipments")
class ShipmentController {

    private final ShipmentViews views;
    private final NotificationViews notifications;
    private final ItemResponses<ShipmentView> shipments;

    ShipmentController(CommandGateway commands, ShipmentViews views, NotificationViews notifications, EventHistory history) {
        this.views = views;
        this.notifications = notifications;
        this.shipments = new ItemResponses<>("shipment", views, commands, history);
    }

    /**
     * Registers a shipment, usually under a pre-export notification the caller's agency sees: it is then released to
     * both agencies of the notification, and follows the importing authority's response (an objection stops it).
     */
    @Operation(summary = "Register a shipment of a controlled substance, usually under a pre-export notification")
    @PostMapping
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'supervisor')")
    ResponseEntity<ShipmentView> register(Caller caller,
                                          @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                          @Valid @RequestBody ShipmentRequests.RegisterShipment request) {
        return shipments.create(caller, idempotencyKey, request, id -> URI.create("/api/chemicals/shipments/" + id),
                shipmentId -> command(caller, shipmentId, request));
    }

    private RegisterShipmentCommand command(Caller caller, String shipmentId, ShipmentRequests.RegisterShipment request) {
        Set<String> agencies = new TreeSet<>(request.releasedTo() == null ? List.of() : request.releasedTo());
        if (request.notificationId() != null) {
            NotificationView pen = notifications.find(request.notificationId(), caller.agency())
                    .orElseThrow(() -> new InvalidRequestException("notificationId",
                            "no pre-export notification '" + request.notificationId() + "' is visible to you"));
            agencies.add(pen.exportingAgency());
            agencies.add(pen.importingAgency());
            return new RegisterShipmentCommand(shipmentId, caller.agency(), pen.id(), agencies,
                    or(request.exporter(), pen.exporter()), or(request.importer(), pen.importer()),
                    or(request.consignee(), pen.consignee()), pen.substanceName(), pen.casNumber(),
                    request.quantity() != null ? request.quantity() : pen.quantity(), QuantityUnit.valueOf(pen.unit()),
                    request.licensedQuantity() != null ? request.licensedQuantity() : pen.quantity(),
                    request.declaredGoods(), request.declaredRoute() != null ? request.declaredRoute() : pen.route(),
                    request.transportMode() != null ? request.transportMode()
                            : pen.transportMode() == null ? null : TransportMode.valueOf(pen.transportMode()),
                    request.tlp() != null ? request.tlp() : Tlp.fromLabel(pen.tlp()),
                    request.handlingCode() != null ? request.handlingCode() : HandlingCode.valueOf(pen.handlingCode()));
        }
        return new RegisterShipmentCommand(shipmentId, caller.agency(), null, agencies,
                party(request.exporter()), party(request.importer()), party(request.consignee()),
                request.substanceName(), request.casNumber(), request.quantity(), request.unit(),
                request.licensedQuantity(), request.declaredGoods(), request.declaredRoute(),
                request.transportMode(), request.tlp(), request.handlingCode());
    }

    /** The shipment with its risk for the caller's agency; with {@code asOf} as it was then (404 unless visible now and then). */
    @Operation(summary = "One shipment with its risk for the caller's agency, or as it was at asOf")
    @GetMapping("/{shipmentId}")
    ResponseEntity<ShipmentView> get(Caller caller, @PathVariable String shipmentId,
                                     @RequestParam(required = false) Instant asOf) {
        return shipments.get(caller, shipmentId, asOf);
    }

    @Operation(summary = "The shipments the caller's agency may see, a page at a time")
    @GetMapping
    Page<ShipmentView> list(Caller caller,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.visibleTo(caller.agencyFilter(), page, size);
    }

    @Operation(summary = "The shipment's events")
    @GetMapping("/{shipmentId}/history")
    HistoryPage history(Caller caller, @PathVariable String shipmentId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return shipments.history(caller, shipmentId, page, size);
    }

    /** Departed, at waypoint, transshipped, arrived, seized or released. */
    @Operation(summary = "Record a movement: departed, at a waypoint, transshipped, arrived, seized or released")
    @PostMapping("/{shipmentId}/events")
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'supervisor')")
    ResponseEntity<ShipmentView> record(Caller caller, @PathVariable String shipmentId,
                                        @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody ShipmentRequests.RecordEvent request) {
        return shipments.write(caller, shipmentId, ifMatch, () -> new RecordShipmentEventCommand(shipmentId,
                request.type(), request.place(), request.country(), request.occurredAt(), request.note(), caller.agency()));
    }

    /** Flags the shipment as suspicious, with the reasons. */
    @Operation(summary = "Flag the shipment as suspicious, with the reasons")
    @PostMapping("/{shipmentId}/flags")
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'analyst', 'supervisor')")
    ResponseEntity<ShipmentView> flag(Caller caller, @PathVariable String shipmentId,
                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody ShipmentRequests.Flag request) {
        return shipments.write(caller, shipmentId, ifMatch,
                () -> new FlagShipmentCommand(shipmentId, caller.agency(), request.reasons()));
    }

    /** Asks for a controlled delivery or a stop. */
    @Operation(summary = "Ask for a controlled delivery or a stop of the shipment")
    @PostMapping("/{shipmentId}/requests")
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'supervisor')")
    ResponseEntity<ShipmentView> request(Caller caller, @PathVariable String shipmentId,
                                         @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody ShipmentRequests.ActionRequest request) {
        return shipments.write(caller, shipmentId, ifMatch, () -> new RequestShipmentActionCommand(shipmentId,
                request.action(), caller.agency(), request.reason()));
    }

    private static Party or(NotificationRequests.PartyRequest given, Party fromNotification) {
        return given != null ? given.toParty() : fromNotification;
    }

    private static Party party(NotificationRequests.PartyRequest given) {
        return given == null ? null : given.toParty();
    }
}
