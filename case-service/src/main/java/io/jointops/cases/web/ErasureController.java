package io.jointops.cases.web;

import io.jointops.api.privacy.ApproveErasureCommand;
import io.jointops.api.privacy.ErasureOfficer;
import io.jointops.api.privacy.ErasureSubject;
import io.jointops.api.privacy.OrderErasureCommand;
import io.jointops.api.shared.Identifies;
import io.jointops.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Erasure orders (docs/privacy.md, "Erasure"): an officer orders a data subject's personal data erased with the legal
 * basis; a supervisor of the same agency, not that officer, approves, and the subject's keys are destroyed at once.
 * The subjects are named in the request only: the order keeps their references.
 */
@RestController
@RequestMapping("/api/erasures")
@Tag(name = "Erasure orders", description = "Ordered by an agency's officer, approved by another supervisor of it.")
class ErasureController {

    private final CommandGateway commands;

    ErasureController(CommandGateway commands) {
        this.commands = commands;
    }

    record Subject(@NotNull Identifies.Kind kind, @NotBlank @Size(max = 500) String value,
                   @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
    }

    @Schema(example = """
            {"subjects":[{"kind":"PERSON_NAME","value":"Zhang Wei"}],"itemIds":[],"itemText":false,
             "legalBasis":"GDPR Art. 17(1)(d): unlawfully processed","reason":"Recorded under the wrong case"}""")
    record OrderErasure(@Size(max = 20) List<@NotNull @Valid Subject> subjects,
                        @Size(max = 200) List<@NotBlank @Size(max = 255) String> itemIds,
                        Boolean itemText,
                        @NotBlank @Size(max = 2000) String legalBasis,
                        @Size(max = 2000) String reason) {
    }

    record Ordered(String orderId, String state) {
    }

    record CarriedOut(String orderId, String state, int keysDestroyed) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'finance-officer', 'chemical-officer', 'supervisor')")
    @Operation(summary = "Order a data subject's personal data erased (in the items named, or everywhere), and the "
            + "named items' free text with itemText")
    ResponseEntity<Ordered> order(Caller caller, @Valid @RequestBody OrderErasure request) {
        String orderId = UUID.randomUUID().toString();
        List<Subject> named = request.subjects() == null ? List.of() : request.subjects();
        commands.sendAndWait(new OrderErasureCommand(orderId,
                named.stream().map(s -> new ErasureSubject(s.kind(), s.value(), s.country())).toList(),
                request.itemIds() == null ? List.of() : request.itemIds(), Boolean.TRUE.equals(request.itemText()),
                request.legalBasis(), request.reason(), officer(caller)), 30, TimeUnit.SECONDS);
        return ResponseEntity.created(URI.create("/api/erasures/" + orderId)).body(new Ordered(orderId, "ORDERED"));
    }

    @PostMapping("/{orderId}/approval")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(summary = "Approve (a supervisor of the ordering agency, not the officer who ordered it): the subject's "
            + "keys are destroyed")
    CarriedOut approve(Caller caller, @PathVariable @Size(max = 64) String orderId) {
        Integer destroyed = commands.sendAndWait(new ApproveErasureCommand(orderId, officer(caller)), 30,
                TimeUnit.SECONDS);
        return new CarriedOut(orderId, "CARRIED_OUT", destroyed == null ? 0 : destroyed);
    }

    private static ErasureOfficer officer(Caller caller) {
        return new ErasureOfficer(caller.username(), caller.agency(), caller.hasRole(Actors.SUPERVISOR));
    }
}
