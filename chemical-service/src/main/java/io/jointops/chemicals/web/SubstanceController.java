package io.jointops.chemicals.web;

import io.jointops.api.chemicals.AddNationalControlCommand;
import io.jointops.chemicals.command.ControlledPrecursors;
import io.jointops.chemicals.query.controlview.NationalControlView;
import io.jointops.chemicals.query.controlview.NationalControlViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The controlled-substance registry (Tables I and II, from precursors.csv) and the national controls agencies add. */
@RestController
@RequestMapping("/api/chemicals/substances")
@Validated
class SubstanceController {

    /** A registry substance with the national controls recorded for it. */
    record Substance(String name, List<String> otherNames, String casNumber, String table, String typicalIllicitUse,
                     boolean tableOneFentanylPrecursor, List<NationalControlView> nationalControls) {
    }

    private final ControlledPrecursors precursors;
    private final NationalControlViews controls;
    private final CommandGateway commands;
    private final EventHistory history;

    SubstanceController(ControlledPrecursors precursors, NationalControlViews controls, CommandGateway commands,
                        EventHistory history) {
        this.precursors = precursors;
        this.controls = controls;
        this.commands = commands;
        this.history = history;
    }

    /**
     * Look-up by name, abbreviation, other name or CAS registry number ({@code query}); a CAS number whose check
     * digit fails is a 400 naming {@code query}. Without {@code query}, the whole registry.
     */
    @GetMapping
    List<Substance> search(@RequestParam(required = false) @Size(max = 200) String query) {
        List<ControlledPrecursors.Precursor> found;
        try {
            found = precursors.search(query);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("query", e.getMessage());
        }
        return found.stream().map(precursor -> new Substance(precursor.name(), List.copyOf(precursor.otherNames()),
                precursor.casNumber(), precursor.table(), precursor.typicalUse(), precursor.tableOneFentanylPrecursor(),
                controls.forSubstance(precursor.name(), precursor.casNumber()))).toList();
    }

    /** Records a national control in the caller's agency's own country. */
    @PostMapping("/national-controls")
    @PreAuthorize("hasAnyRole('chemical-officer', 'supervisor')")
    ResponseEntity<NationalControlView> addControl(Caller caller,
                                                   @Valid @RequestBody IncidentRequests.AddNationalControl request) {
        String controlId = UUID.randomUUID().toString();
        commands.sendAndWait(new AddNationalControlCommand(controlId, caller.agency(), request.substanceName(),
                request.casNumber(), request.country(), request.legalReference(), request.thresholdQuantity(),
                request.unit()), 30, TimeUnit.SECONDS);
        NationalControlView view = controls.awaitVersion(controlId, 0).orElse(null);
        return ResponseEntity.created(URI.create("/api/chemicals/substances/national-controls/" + controlId))
                .eTag("\"0\"").body(view);
    }

    @GetMapping("/national-controls")
    Page<NationalControlView> listControls(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return controls.list(page, size);
    }

    @GetMapping("/national-controls/{controlId}")
    ResponseEntity<NationalControlView> control(@PathVariable String controlId,
                                                @RequestParam(required = false) Instant asOf) {
        NationalControlView view = existing(controlId);
        if (asOf != null) {
            view = controls.asOf(controlId, asOf).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "No national control '" + controlId + "' existed at " + asOf + "."));
        }
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping("/national-controls/{controlId}/history")
    HistoryPage controlHistory(@PathVariable String controlId,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        existing(controlId);
        return history.page(controlId, page, size);
    }

    private NationalControlView existing(String controlId) {
        return controls.find(controlId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No national control '" + controlId + "'."));
    }
}
