package io.jointops.api.cases;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The receiving agency answered.
 *
 * @param complete whether the request is now fully answered
 */
@Revision("1")
public record CooperationRequestAnsweredEvent(
        String requestId,
        String answer,
        boolean complete,
        List<SharedItemRef> attachments,
        String answeredBy,
        String agency) {
}
