package io.jointops.chemicals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.chemicals.AcknowledgePreExportNotificationCommand;
import io.jointops.api.chemicals.ClearPreExportNotificationCommand;
import io.jointops.api.chemicals.FilePreExportNotificationCommand;
import io.jointops.api.chemicals.ObjectToPreExportNotificationCommand;
import io.jointops.chemicals.query.notificationview.NotificationView;
import io.jointops.chemicals.query.notificationview.NotificationViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
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

import static org.springframework.http.HttpHeaders.IF_MATCH;

@RestController
@RequestMapping("/api/chemicals/notifications")
class NotificationController {

    private final NotificationViews views;
    private final ItemResponses<NotificationView> notifications;

    NotificationController(CommandGateway commands, NotificationViews views, EventHistory history) {
        this.views = views;
        this.notifications = new ItemResponses<>("pre-export notification", views, commands, history);
    }

    @Operation(summary = "File a pre-export notification to the importing country's authority")
    @PostMapping
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'supervisor')")
    ResponseEntity<NotificationView> file(Caller caller,
                                          @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                          @Valid @RequestBody NotificationRequests.FileNotification request) {
        return notifications.create(caller, idempotencyKey, request, NotificationController::location,
                notificationId -> new FilePreExportNotificationCommand(notificationId, caller.agency(), request.importingAgency(),
                        request.exporter().toParty(), request.importer().toParty(), request.consignee().toParty(),
                        request.substanceName(), request.casNumber(), request.quantity(), request.unit(),
                        request.expectedDispatchDate(), request.pointOfEntry(), request.exportLicenceNumber(),
                        request.tlp(), request.handlingCode(), request.mixturePercentage(), request.transportMode(),
                        request.route()));
    }

    /**
     * The pre-export notification now, or with {@code asOf} as it was at that instant, rebuilt from its events: only if the
     * caller may see it now and could see it then; otherwise (or if it did not exist yet) 404.
     */
    @Operation(summary = "One pre-export notification, or as it was at asOf")
    @GetMapping("/{notificationId}")
    ResponseEntity<NotificationView> get(Caller caller, @PathVariable String notificationId,
                            @RequestParam(required = false) Instant asOf) {
        return notifications.get(caller, notificationId, asOf);
    }

    @Operation(summary = "The pre-export notifications the caller's agency takes part in, a page at a time")
    @GetMapping
    Page<NotificationView> list(Caller caller,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.visibleTo(caller.agencyFilter(), page, size);
    }

    /** The importing authority confirms receipt. */
    @Operation(summary = "The importing authority confirms receipt of the notification")
    @PostMapping("/{notificationId}/acknowledge")
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'supervisor')")
    ResponseEntity<NotificationView> acknowledge(Caller caller, @PathVariable String notificationId,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return notifications.write(caller, notificationId, ifMatch,
                () -> new AcknowledgePreExportNotificationCommand(notificationId, caller.agency()));
    }

    /** The importing authority has no objection. */
    @Operation(summary = "The importing authority has no objection to the export")
    @PostMapping("/{notificationId}/clear")
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'supervisor')")
    ResponseEntity<NotificationView> clear(Caller caller, @PathVariable String notificationId,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return notifications.write(caller, notificationId, ifMatch,
                () -> new ClearPreExportNotificationCommand(notificationId, caller.agency()));
    }

    /** The importing authority objects, saying why; the shipments under the notification are stopped. */
    @Operation(summary = "The importing authority objects, saying why (the notification's shipments stop)")
    @PostMapping("/{notificationId}/objection")
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'supervisor')")
    ResponseEntity<NotificationView> object(Caller caller, @PathVariable String notificationId,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody NotificationRequests.Objection request) {
        return notifications.write(caller, notificationId, ifMatch,
                () -> new ObjectToPreExportNotificationCommand(notificationId, caller.agency(), request.reason()));
    }

    /** Notifications escalated after "no reply" that the caller's agency takes part in: the supervisors' follow-up. */
    @Operation(summary = "Notifications escalated after no reply, for the supervisors' follow-up")
    @GetMapping("/escalations")
    Page<NotificationView> escalations(Caller caller,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.escalatedTo(caller.agencyFilter(), page, size);
    }

    @Operation(summary = "The pre-export notification's events")
    @GetMapping("/{notificationId}/history")
    HistoryPage history(Caller caller, @PathVariable String notificationId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return notifications.history(caller, notificationId, page, size);
    }

    private static URI location(String notificationId) {
        return URI.create("/api/chemicals/notifications/" + notificationId);
    }
}
