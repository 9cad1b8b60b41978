package io.jointops.cases.web;

import io.jointops.api.privacy.ApproveRectificationCommand;
import io.jointops.api.privacy.ErasureOfficer;
import io.jointops.api.privacy.ErasureSubject;
import io.jointops.api.privacy.OrderRectificationCommand;
import io.jointops.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
 * Rectifications (docs/privacy.md, "Rectification"): an officer pairs a correction the agency wrote through the item's
 * own command (its event {@code correctedBy}) with the wrong values it corrects, shredding them in that item where the
 * law requires ({@code shred}); another supervisor of the agency approves, as for an erasure. The wrong values are
 * named in the request only: the order keeps their references.
 */
@RestController
@RequestMapping("/api/rectifications")
@Tag(name = "Rectifications", description = "A correction paired with the wrong values it corrects, approved by another "
        + "supervisor of the agency; the wrong values shredded in the item where the law requires it.")
class RectificationController {

    private final CommandGateway commands;

    RectificationController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(example = """
            {"itemId":"0f8fad5b-d9cb-469f-a165-70867728950e","correctedBy":3,
             "subjects":[{"kind":"PHONE_NUMBER","value":"+1 202 555 0143"}],"itemText":false,"shred":true,
             "legalBasis":"GDPR Art. 16; Art. 17(1)(d)","reason":"Wrong number recorded; corrected in event 3"}""")
    record OrderRectification(@NotBlank @Size(max = 255) String itemId, @NotNull @PositiveOrZero Long correctedBy,
                              @Size(max = 20) List<ErasureController.@NotNull @Valid Subject> subjects,
                              Boolean itemText, Boolean shred,
                              @NotBlank @Size(max = 2000) String legalBasis,
                              @Size(max = 2000) String reason) {
    }

    record Ordered(String rectificationId, String state) {
    }

    record CarriedOut(String rectificationId, String state, int keysShredded) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'finance-officer', 'chemical-officer', 'supervisor')")
    @Operation(summary = "Order a rectification: the item's event correctedBy corrects the wrong values named (or the "
            + "item's free text with itemText); with shred, they are shredded in the item once approved")
    ResponseEntity<Ordered> order(Caller caller, @Valid @RequestBody OrderRectification request) {
        String rectificationId = UUID.randomUUID().toString();
        List<ErasureController.Subject> named = request.subjects() == null ? List.of() : request.subjects();
        commands.sendAndWait(new OrderRectificationCommand(rectificationId, request.itemId(), request.correctedBy(),
                named.stream().map(s -> new ErasureSubject(s.kind(), s.value(), s.country())).toList(),
                Boolean.TRUE.equals(request.itemText()), Boolean.TRUE.equals(request.shred()), request.legalBasis(),
                request.reason(), officer(caller)), 30, TimeUnit.SECONDS);
        return ResponseEntity.created(URI.create("/api/rectifications/" + rectificationId))
                .body(new Ordered(rectificationId, "ORDERED"));
    }

    @PostMapping("/{rectificationId}/approval")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(summary = "Approve (a supervisor of the ordering agency, not the officer who ordered it): recorded, and "
            + "with shred the wrong values' keys in the item destroyed")
    CarriedOut approve(Caller caller, @PathVariable @Size(max = 64) String rectificationId) {
        Integer shredded = commands.sendAndWait(new ApproveRectificationCommand(rectificationId, officer(caller)), 30,
                TimeUnit.SECONDS);
        return new CarriedOut(rectificationId, "CARRIED_OUT", shredded == null ? 0 : shredded);
    }

    private static ErasureOfficer officer(Caller caller) {
        return new ErasureOfficer(caller.username(), caller.agency(), caller.hasRole(Actors.SUPERVISOR));
    }
}
