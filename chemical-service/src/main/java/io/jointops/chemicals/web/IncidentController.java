package io.jointops.chemicals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.chemicals.ReportIncidentCommand;
import io.jointops.chemicals.query.incidentview.IncidentView;
import io.jointops.chemicals.query.incidentview.IncidentViews;
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
import java.util.HashSet;

@RestController
@RequestMapping("/api/chemicals/incidents")
class IncidentController {

    private final IncidentViews views;
    private final ItemResponses<IncidentView> incidents;

    IncidentController(CommandGateway commands, IncidentViews views, EventHistory history) {
        this.views = views;
        this.incidents = new ItemResponses<>("incident", views, commands, history);
    }

    /** Reports a diversion or seizure incident; one involving a Table I fentanyl precursor proposes a joint case lead. */
    @Operation(summary = "Report a diversion or seizure incident (a Table I fentanyl precursor proposes a case lead)")
    @PostMapping
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'supervisor')")
    ResponseEntity<IncidentView> report(Caller caller,
                                        @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                        @Valid @RequestBody IncidentRequests.ReportIncident request) {
        return incidents.create(caller, idempotencyKey, request, id -> URI.create("/api/chemicals/incidents/" + id),
                incidentId -> new ReportIncidentCommand(incidentId, caller.agency(), request.type(), request.substanceName(),
                        request.casNumber(), request.quantity(), request.unit(), request.place(), request.country(),
                        request.occurredOn(), request.concealmentMethod(), request.modusOperandi(), request.shipmentId(),
                        request.releasedTo() == null ? null : new HashSet<>(request.releasedTo()), request.tlp(),
                        request.handlingCode()));
    }

    @Operation(summary = "One incident, or as it was at asOf")
    @GetMapping("/{incidentId}")
    ResponseEntity<IncidentView> get(Caller caller, @PathVariable String incidentId,
                                     @RequestParam(required = false) Instant asOf) {
        return incidents.get(caller, incidentId, asOf);
    }

    @Operation(summary = "The incidents the caller's agency may see, a page at a time")
    @GetMapping
    Page<IncidentView> list(Caller caller,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.visibleTo(caller.agencyFilter(), page, size);
    }

    @Operation(summary = "The incident's events")
    @GetMapping("/{incidentId}/history")
    HistoryPage history(Caller caller, @PathVariable String incidentId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return incidents.history(caller, incidentId, page, size);
    }
}
