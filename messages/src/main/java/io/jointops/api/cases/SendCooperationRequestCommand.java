package io.jointops.api.cases;

import java.time.Instant;
import java.util.List;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sends a cooperation request from the actor's agency to another agency, within a case or not.
 *
 * @param caseId      the case it belongs to, or null
 * @param responseDue when the answer is due, computed by the sender's service from the response-time policy
 * @param remindAt    when the receiving agency is reminded, or null for no reminder
 * @param escalateAt  when an unanswered request is escalated to the receiving agency's supervisors
 */
public record SendCooperationRequestCommand(
        @TargetAggregateIdentifier String requestId,
        @Nullable String caseId,
        @NotBlank String receivingAgency,
        @NotNull CooperationRequestType type,
        @NotNull @Valid LegalBasis legalBasis,
        @NotNull RequestPriority priority,
        @NotBlank @Size(max = 10_000) String question,
        List<SharedItemRef> attachments,
        Instant responseDue,
        Instant remindAt,
        Instant escalateAt,
        CaseActor actor) {
}
