package io.jointops.platform.history;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * {@code GET /api/audit/events}: every service's events for auditors, filtered and paged by global position. Served
 * by the one service that enables it ({@code jointops.audit.query.enabled}), since all share one event store.
 * <p>
 * Joint auditors only: the entries carry every agency's payloads. Not {@code platform-admin} (operators see no case
 * content) and not {@code notary-signer} (an agency's signing system needs checkpoints and proofs, not content).
 */
@RestController
@RequestMapping("/api/audit/events")
@PreAuthorize("hasRole('auditor')")
class AuditEventsController {

    private final AuditEvents events;

    AuditEventsController(AuditEvents events) {
        this.events = events;
    }

    @Operation(summary = "Search the global event log (auditors)")
    @GetMapping
    AuditPage find(@RequestParam(required = false) Instant from,
                   @RequestParam(required = false) Instant to,
                   @RequestParam(required = false) String agency,
                   @RequestParam(required = false) String actor,
                   @RequestParam(required = false) String itemType,
                   @RequestParam(required = false) String correlationId,
                   @RequestParam(defaultValue = "0") @Min(0) long after,
                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return events.find(new AuditQuery(from, to, agency, actor, itemType, correlationId), after, size);
    }
}
