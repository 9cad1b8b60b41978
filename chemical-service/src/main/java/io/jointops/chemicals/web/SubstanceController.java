package io.jointops.chemicals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.chemicals.AddNationalControlCommand;
import io.jointops.chemicals.command.ControlledPrecursors;
import io.jointops.chemicals.query.controlview.NationalControlView;
import io.jointops.chemicals.query.controlview.NationalControlViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.jointops.platform.web.ItemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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

/** The controlled-substance registry (Tables I and II, from precursors.csv) and the national controls agencies add. */
@RestController
@RequestMapping("/api/chemicals/substances")
class SubstanceController {

    /** A registry substance with the national controls recorded for it. */
    record Substance(String name, List<String> otherNames, String casNumber, String table, String typicalIllicitUse,
                     boolean tableOneFentanylPrecursor, List<NationalControlView> nationalControls) {
    }

    private final ControlledPrecursors precursors;
    private final NationalControlViews controls;
    private final ItemResponses<NationalControlView> items;

    SubstanceController(ControlledPrecursors precursors, NationalControlViews controls, CommandGateway commands,
                        EventHistory history) {
        this.precursors = precursors;
        this.controls = controls;
        this.items = new ItemResponses<>("national control", controls, commands, history);
    }

    /**
     * Look-up by name, abbreviation, other name or CAS registry number ({@code query}); a CAS number whose check
     * digit fails is a 400 naming {@code query}. Without {@code query}, the whole registry.
     */
    @Operation(summary = "Look up controlled substances by name, abbreviation, other name or CAS number")
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
    @Operation(summary = "Record a national control of a substance in the caller's agency's country")
    @PostMapping("/national-controls")
    @PreAuthorize("hasAnyRole('chemical-officer', 'supervisor')")
    ResponseEntity<NationalControlView> addControl(Caller caller,
                                                   @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                                   @Valid @RequestBody IncidentRequests.AddNationalControl request) {
        return items.create(caller, idempotencyKey, request,
                id -> URI.create("/api/chemicals/substances/national-controls/" + id),
                controlId -> new AddNationalControlCommand(controlId, caller.agency(), request.substanceName(), request.casNumber(),
                        request.country(), request.legalReference(), request.thresholdQuantity(), request.unit()));
    }

    @Operation(summary = "The national controls recorded, a page at a time")
    @GetMapping("/national-controls")
    Page<NationalControlView> listControls(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return controls.list(page, size);
    }

    @Operation(summary = "One national control, or as it was at asOf")
    @GetMapping("/national-controls/{controlId}")
    ResponseEntity<NationalControlView> control(Caller caller, @PathVariable String controlId,
                                                @RequestParam(required = false) Instant asOf) {
        return items.get(caller, controlId, asOf);
    }

    @Operation(summary = "The national control's events")
    @GetMapping("/national-controls/{controlId}/history")
    HistoryPage controlHistory(Caller caller, @PathVariable String controlId,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return items.history(caller, controlId, page, size);
    }
}
