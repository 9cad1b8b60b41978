package io.jointops.cases.web;

import io.jointops.api.cases.AddCasePartnerCommand;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.intel.LinkIntelReportToCaseCommand;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryEntry;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/cases")
@Validated
class CaseController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private final CommandGateway commands;
    private final CaseViews views;
    private final EventHistory history;

    CaseController(CommandGateway commands, CaseViews views, EventHistory history) {
        this.commands = commands;
        this.views = views;
        this.history = history;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    ResponseEntity<CaseView> open(Caller caller,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                  @Valid @RequestBody CaseRequests.OpenCase request) {
        String caseId = caseIdFor(caller, idempotencyKey);
        if (idempotencyKey != null) {
            Optional<ResponseEntity<CaseView>> replay = replay(caseId, request);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        try {
            commands.sendAndWait(new OpenCaseCommand(caseId, request.title(), request.summary(), caller.agency(),
                    request.partnerAgencies() == null ? Set.of() : new HashSet<>(request.partnerAgencies()),
                    request.tlp(), request.handlingCode()), 30, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // two retries racing with the same key: the loser answers with the winner's case
            if (idempotencyKey != null && history.count(caseId) > 0) {
                return replay(caseId, request).orElseThrow(() -> e);
            }
            throw e;
        }
        CaseView view = views.awaitVersion(caseId, 0, ReadYourWrites.TIMEOUT).orElse(null);
        return ResponseEntity.created(location(caseId)).eTag(etag(0)).body(view);
    }

    /**
     * The case now, or with {@code asOf} as it was at that instant, rebuilt from its events: only if the caller may see
     * it now and could see it then; otherwise (or if it did not exist yet) 404.
     */
    @GetMapping("/{caseId}")
    ResponseEntity<CaseView> get(Caller caller, @PathVariable String caseId,
                                 @RequestParam(required = false) Instant asOf) {
        CaseView view = visible(caller, caseId);
        if (asOf != null) {
            view = views.asOf(caseId, asOf, caller.agencyFilter()).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No case '" + caseId + "' was visible to you at " + asOf + "."));
        }
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    @GetMapping
    Page<CaseView> list(Caller caller,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.visibleTo(caller.agencyFilter(), page, size);
    }

    @PostMapping("/{caseId}/partners")
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    ResponseEntity<CaseView> addPartner(Caller caller, @PathVariable String caseId,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @Valid @RequestBody CaseRequests.AddPartner request) {
        Long expectedVersion = ifMatch == null ? null : versionOf(ifMatch);
        visible(caller, caseId);
        commands.sendAndWait(new AddCasePartnerCommand(caseId, request.agency(), caller.agency(), expectedVersion),
                30, TimeUnit.SECONDS);
        return views.awaitVersion(caseId, history.count(caseId) - 1, ReadYourWrites.TIMEOUT)
                .map(view -> ResponseEntity.ok().eTag(etag(view.version())).body(view))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    /**
     * Links an item of another service. The owning service decides (every agency of the case must be allowed to see
     * the item); the link then reaches the case through that service's event.
     */
    @PostMapping("/{caseId}/links")
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'supervisor')")
    ResponseEntity<CaseView> link(Caller caller, @PathVariable String caseId,
                                  @Valid @RequestBody CaseRequests.LinkItem request) {
        CaseView view = visible(caller, caseId);
        if (!view.visibleTo(caller.agency())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only agencies taking part in the case link items to it.");
        }
        Set<String> caseAgencies = new HashSet<>(view.partnerAgencies());
        caseAgencies.add(view.leadAgency());
        switch (request.itemType()) {
            case INTEL_REPORT -> commands.sendAndWait(new LinkIntelReportToCaseCommand(request.itemId(), caseId,
                    caseAgencies, caller.agency()), 30, TimeUnit.SECONDS);
        }
        return ReadYourWrites.await(() -> views.find(caseId, null), linked -> linked.linkedItems().stream()
                        .anyMatch(item -> item.id().equals(request.itemId()) && item.type().equals(request.itemType().name())),
                        ReadYourWrites.TIMEOUT)
                .map(linked -> ResponseEntity.ok().eTag(etag(linked.version())).body(linked))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    @GetMapping("/{caseId}/history")
    HistoryPage history(Caller caller, @PathVariable String caseId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        visible(caller, caseId);
        return history.page(caseId, page, size);
    }

    private CaseView visible(Caller caller, String caseId) {
        return views.find(caseId, caller.agencyFilter())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case '" + caseId + "' is visible to you."));
    }

    private Optional<ResponseEntity<CaseView>> replay(String caseId, CaseRequests.OpenCase request) {
        List<HistoryEntry> first = history.of(caseId, 0, 1);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        var opened = first.get(0).payload();
        boolean same = Objects.equals(opened.path("title").asText(), request.title().strip())
                && Objects.equals(opened.path("tlp").asText(), request.tlp().label())
                && Objects.equals(opened.path("handlingCode").asText(), request.handlingCode().name());
        if (!same) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was already used for a different request.");
        }
        CaseView view = views.awaitVersion(caseId, 0, ReadYourWrites.TIMEOUT).orElse(null);
        return Optional.of(ResponseEntity.created(location(caseId)).eTag(etag(0))
                .header("Idempotent-Replayed", "true").body(view));
    }

    /** With an Idempotency-Key, the case id is derived from caller and key, so a retry addresses the same case. */
    private static String caseIdFor(Caller caller, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("Idempotency-Key", "must be 8 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
        }
        return UUID.nameUUIDFromBytes(("case|" + caller.userId() + "|" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static long versionOf(String ifMatch) {
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match", "must be an entity tag from the ETag header, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static URI location(String caseId) {
        return URI.create("/api/cases/" + caseId);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
