package io.jointops.api.cases;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the case's tags. */
public record SetCaseTagsCommand(
        @TargetAggregateIdentifier String caseId,
        Set<String> tags,
        CaseActor actor) {
}
