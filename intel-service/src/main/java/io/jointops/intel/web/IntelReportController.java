package io.jointops.intel.web;

import io.jointops.api.intel.SubmitIntelReportCommand;
import io.jointops.intel.query.reportview.IntelReportView;
import io.jointops.intel.query.reportview.IntelReportViews;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

@RestController
@RequestMapping("/api/intel/reports")
@Validated
class IntelReportController {

    private final CommandGateway commands;
    private final IntelReportViews views;
    private final EventHistory history;

    IntelReportController(CommandGateway commands, IntelReportViews views, EventHistory history) {
        this.commands = commands;
        this.views = views;
        this.history = history;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'supervisor')")
    ResponseEntity<IntelReportView> submit(Caller caller, @Valid @RequestBody IntelReportRequests.SubmitReport request) {
        String reportId = UUID.randomUUID().toString();
        commands.sendAndWait(new SubmitIntelReportCommand(reportId, request.title(), request.summary(),
                request.category(), request.sourceReliability(), request.informationCredibility(), request.tlp(),
                request.handlingCode(), caller.agency(),
                request.releasedTo() == null ? Set.of() : new HashSet<>(request.releasedTo())), 30, TimeUnit.SECONDS);
        IntelReportView view = views.awaitVersion(reportId, 0, ReadYourWrites.TIMEOUT).orElse(null);
        return ResponseEntity.created(location(reportId)).eTag(etag(0)).body(view);
    }

    /**
     * The intelligence report now, or with {@code asOf} as it was at that instant, rebuilt from its events: only if the
     * caller may see it now and could see it then; otherwise (or if it did not exist yet) 404.
     */
    @GetMapping("/{reportId}")
    ResponseEntity<IntelReportView> get(Caller caller, @PathVariable String reportId,
                            @RequestParam(required = false) Instant asOf) {
        IntelReportView view = visible(caller, reportId);
        if (asOf != null) {
            view = views.asOf(reportId, asOf, caller.agencyFilter()).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No intelligence report '" + reportId + "' was visible to you at " + asOf + "."));
        }
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    @GetMapping
    Page<IntelReportView> list(Caller caller,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.visibleTo(caller.agencyFilter(), page, size);
    }

    @GetMapping("/{reportId}/history")
    HistoryPage history(Caller caller, @PathVariable String reportId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        visible(caller, reportId);
        return history.page(reportId, page, size);
    }

    private IntelReportView visible(Caller caller, String reportId) {
        return views.find(reportId, caller.agencyFilter())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No intelligence report '" + reportId + "' is visible to you."));
    }

    private static URI location(String reportId) {
        return URI.create("/api/intel/reports/" + reportId);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
