package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The case's tags were replaced by these. */
@Revision("1")
@NonPersonal
public record CaseTagsSetEvent(
        String caseId,
        List<String> tags) {
}
