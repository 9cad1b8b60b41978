package io.jointops.api.cases;

import java.util.List;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The receiving agency answers, in part or fully.
 *
 * @param complete whether this answer completes the request
 */
public record AnswerCooperationRequestCommand(
        @TargetAggregateIdentifier String requestId,
        @NotBlank @Size(max = 20_000) String answer,
        boolean complete,
        List<SharedItemRef> attachments,
        CaseActor actor) {
}
