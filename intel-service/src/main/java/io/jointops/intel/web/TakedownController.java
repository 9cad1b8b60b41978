package io.jointops.intel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.intel.RecordTakedownResponseCommand;
import io.jointops.api.intel.ReportTakedownReappearanceCommand;
import io.jointops.api.intel.RequestTakedownCommand;
import io.jointops.api.intel.TakedownContentType;
import io.jointops.api.intel.TakedownStatus;
import io.jointops.intel.query.takedownview.TakedownView;
import io.jointops.intel.query.takedownview.TakedownViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.jointops.platform.web.ItemResponses;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.springframework.http.HttpHeaders.IF_MATCH;

/** Takedown requests to online platforms, their responses, and statistics per platform. */
@RestController
@RequestMapping("/api/intel/takedowns")
class TakedownController {

    private static final String WRITERS = "hasAnyRole('investigator', 'analyst', 'supervisor')";
    /** clocks of callers and server differ a little; an instant further ahead is a mistake */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final TakedownViews views;
    private final ItemResponses<TakedownView> takedowns;

    TakedownController(CommandGateway commands, TakedownViews views, EventHistory history) {
        this.views = views;
        this.takedowns = new ItemResponses<>("takedown request", views, commands, history);
    }

    @Schema(example = """
            {"platform":"DarkMarket","url":"https://market.example.com/listing/42","contentType":"LISTING",
             "offence":"Sale of fentanyl precursors","evidenceSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "evidenceCapturedAt":"2026-01-10T08:00:00Z","legalBasis":"Art. 9 DSA order of 2026-01-10"}""")
    record RequestTakedown(@NotBlank @Size(max = 100) String platform, @NotBlank @Size(max = 2000) String url,
                           @NotNull TakedownContentType contentType, @NotBlank @Size(max = 500) String offence,
                           @NotBlank @Size(max = 64) String evidenceSha256, @NotNull Instant evidenceCapturedAt,
                           @NotBlank @Size(max = 500) String legalBasis, Instant requestedAt) {
    }

    /** @param occurredAt when the platform acted; now if not given */
    @Schema(example = """
            {"reason":"No court order was attached","occurredAt":"2026-01-11T09:00:00Z"}""")
    record Response(@Size(max = 2000) String reason, Instant occurredAt) {
    }

    /** @param url where the content is back, if not at the same URL */
    @Schema(example = """
            {"url":"https://mirror.example.net/listing/42","occurredAt":"2026-01-12T10:00:00Z"}""")
    record Reappearance(@Size(max = 2000) String url, Instant occurredAt) {
    }

    @Operation(summary = "Ask a platform to take down illegal online drug content")
    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<TakedownView> request(Caller caller,
                                         @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                         @Valid @RequestBody RequestTakedown request) {
        return takedowns.create(caller, idempotencyKey, request, id -> URI.create("/api/intel/takedowns/" + id),
                takedownId -> {
                    Instant requestedAt = notInFuture("requestedAt", request.requestedAt());
                    notInFuture("evidenceCapturedAt", request.evidenceCapturedAt());
                    return new RequestTakedownCommand(takedownId, request.platform(), request.url(),
                            request.contentType(), request.offence(), request.evidenceSha256(),
                            request.evidenceCapturedAt(), request.legalBasis(), caller.agency(), requestedAt);
                });
    }

    @Operation(summary = "One takedown request, or as it was at asOf")
    @GetMapping("/{takedownId}")
    ResponseEntity<TakedownView> get(Caller caller, @PathVariable String takedownId,
                                     @RequestParam(required = false) Instant asOf) {
        return takedowns.get(caller, takedownId, asOf);
    }

    @Operation(summary = "The takedown requests the caller's agency may see, by platform and status")
    @GetMapping
    Page<TakedownView> list(Caller caller, @RequestParam(required = false) String platform,
                            @RequestParam(required = false) TakedownStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.list(caller.agencyFilter(), blankToNull(platform), status == null ? null : status.name(), page, size);
    }

    /** Counts per platform and status; median and 90th percentile of the time to removal. */
    @Operation(summary = "Takedowns per platform and status, with the median and 90th percentile time to removal")
    @GetMapping("/stats")
    List<TakedownViews.PlatformStats> stats(Caller caller, @RequestParam(required = false) String platform) {
        return views.stats(caller.agencyFilter(), blankToNull(platform));
    }

    @Operation(summary = "The takedown request's events")
    @GetMapping("/{takedownId}/history")
    HistoryPage history(Caller caller, @PathVariable String takedownId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return takedowns.history(caller, takedownId, page, size);
    }

    @Operation(summary = "Record that the platform acknowledged the takedown request")
    @PostMapping("/{takedownId}/acknowledgement")
    @PreAuthorize(WRITERS)
    ResponseEntity<TakedownView> acknowledged(Caller caller, @PathVariable String takedownId,
                                              @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody(required = false) Response request) {
        return respond(caller, takedownId, ifMatch, TakedownStatus.ACKNOWLEDGED, request);
    }

    @Operation(summary = "Record that the platform removed the content")
    @PostMapping("/{takedownId}/removal")
    @PreAuthorize(WRITERS)
    ResponseEntity<TakedownView> removed(Caller caller, @PathVariable String takedownId,
                                         @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody(required = false) Response request) {
        return respond(caller, takedownId, ifMatch, TakedownStatus.REMOVED, request);
    }

    @Operation(summary = "Record that the platform rejected the takedown request")
    @PostMapping("/{takedownId}/rejection")
    @PreAuthorize(WRITERS)
    ResponseEntity<TakedownView> rejected(Caller caller, @PathVariable String takedownId,
                                          @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody Response request) {
        return respond(caller, takedownId, ifMatch, TakedownStatus.REJECTED, request);
    }

    @Operation(summary = "Record that the content appeared again")
    @PostMapping("/{takedownId}/reappearance")
    @PreAuthorize(WRITERS)
    ResponseEntity<TakedownView> reappeared(Caller caller, @PathVariable String takedownId,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody(required = false) Reappearance request) {
        Instant at = notInFuture("occurredAt", request == null ? null : request.occurredAt());
        return takedowns.write(caller, takedownId, ifMatch, () -> new ReportTakedownReappearanceCommand(takedownId,
                caller.agency(), request == null ? null : blankToNull(request.url()), at));
    }

    private ResponseEntity<TakedownView> respond(Caller caller, String takedownId, String ifMatch,
                                                 TakedownStatus response, Response request) {
        Instant at = notInFuture("occurredAt", request == null ? null : request.occurredAt());
        return takedowns.write(caller, takedownId, ifMatch, () -> new RecordTakedownResponseCommand(takedownId,
                caller.agency(), response, request == null ? null : request.reason(), at));
    }

    private static Instant notInFuture(String field, Instant at) {
        Instant now = Instant.now();
        if (at == null) {
            return now;
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidRequestException(field, "must not be in the future");
        }
        return at;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
