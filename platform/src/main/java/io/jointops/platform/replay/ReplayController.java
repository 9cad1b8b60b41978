package io.jointops.platform.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST <api path>/admin/replays/{processingGroup}} rebuilds a view of this service from the event store;
 * {@code GET} on the same path says how far it is. Platform operators only.
 */
@RestController
@RequestMapping("${jointops.api-path}/admin/replays")
@PreAuthorize("hasRole('platform-admin')")
class ReplayController {

    private final ViewReplays replays;

    ReplayController(ViewReplays replays) {
        this.replays = replays;
    }

    @Operation(summary = "Rebuild a view from the event store (platform admins); its reads answer 503 until done")
    @PostMapping("/{processingGroup}")
    ResponseEntity<ReplayProgress> start(Caller caller, @PathVariable String processingGroup) {
        ReplayProgress progress = replays.start(processingGroup, caller.username());
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri())
                .body(progress);
    }

    @Operation(summary = "How far a view's rebuild is")
    @GetMapping("/{processingGroup}")
    ReplayProgress progress(@PathVariable String processingGroup) {
        return replays.progress(processingGroup);
    }
}
