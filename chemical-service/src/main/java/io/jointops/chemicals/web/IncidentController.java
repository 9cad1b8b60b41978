package io.jointops.chemicals.web;

import io.jointops.api.chemicals.ReportIncidentCommand;
import io.jointops.chemicals.query.incidentview.IncidentView;
import io.jointops.chemicals.query.incidentview.IncidentViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

@RestController
@RequestMapping("/api/chemicals/incidents")
@Validated
class IncidentController {

    private final CommandGateway commands;
    private final IncidentViews views;
    private final EventHistory history;

    IncidentController(CommandGateway commands, IncidentViews views, EventHistory history) {
        this.commands = commands;
        this.views = views;
        this.history = history;
    }

    /** Reports a diversion or seizure incident; one involving a Table I fentanyl precursor proposes a joint case lead. */
    @PostMapping
    @PreAuthorize("hasAnyRole('chemical-officer', 'investigator', 'supervisor')")
    ResponseEntity<IncidentView> report(Caller caller, @Valid @RequestBody IncidentRequests.ReportIncident request) {
        String incidentId = UUID.randomUUID().toString();
        commands.sendAndWait(new ReportIncidentCommand(incidentId, caller.agency(), request.type(),
                request.substanceName(), request.casNumber(), request.quantity(), request.unit(), request.place(),
                request.country(), request.occurredOn(), request.concealmentMethod(), request.modusOperandi(),
                request.shipmentId(), request.releasedTo() == null ? null : new HashSet<>(request.releasedTo()),
                request.tlp(), request.handlingCode()), 30, TimeUnit.SECONDS);
        IncidentView view = views.awaitVersion(incidentId, 0, ReadYourWrites.TIMEOUT).orElse(null);
        return ResponseEntity.created(URI.create("/api/chemicals/incidents/" + incidentId)).eTag(etag(0)).body(view);
    }

    @GetMapping("/{incidentId}")
    ResponseEntity<IncidentView> get(Caller caller, @PathVariable String incidentId,
                                     @RequestParam(required = false) Instant asOf) {
        IncidentView view = visible(caller, incidentId);
        if (asOf != null) {
            view = views.asOf(incidentId, asOf, caller.agencyFilter()).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No incident '" + incidentId + "' was visible to you at " + asOf + "."));
        }
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    @GetMapping
    Page<IncidentView> list(Caller caller,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.visibleTo(caller.agencyFilter(), page, size);
    }

    @GetMapping("/{incidentId}/history")
    HistoryPage history(Caller caller, @PathVariable String incidentId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        visible(caller, incidentId);
        return history.page(incidentId, page, size);
    }

    private IncidentView visible(Caller caller, String incidentId) {
        return views.find(incidentId, caller.agencyFilter()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No incident '" + incidentId + "' is visible to you."));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
