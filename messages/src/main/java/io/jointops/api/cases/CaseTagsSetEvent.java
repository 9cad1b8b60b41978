package io.jointops.api.cases;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The case's tags were replaced by these. */
@Revision("1")
public record CaseTagsSetEvent(
        String caseId,
        List<String> tags) {
}
