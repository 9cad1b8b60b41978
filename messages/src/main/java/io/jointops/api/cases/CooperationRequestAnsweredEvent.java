package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The receiving agency answered.
 *
 * @param complete whether the request is now fully answered
 */
@Revision("1")
@NonPersonal
public record CooperationRequestAnsweredEvent(
        String requestId,
        @Personal String answer,
        boolean complete,
        List<SharedItemRef> attachments,
        String answeredBy,
        String agency) {
}
