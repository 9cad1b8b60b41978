package io.jointops.api.cases;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The receiving agency answers, in part or fully.
 *
 * @param complete whether this answer completes the request
 */
public record AnswerCooperationRequestCommand(
        @TargetAggregateIdentifier String requestId,
        String answer,
        boolean complete,
        List<SharedItemRef> attachments,
        CaseActor actor) {
}
