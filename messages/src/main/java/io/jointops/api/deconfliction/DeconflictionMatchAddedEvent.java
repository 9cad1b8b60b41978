package io.jointops.api.deconfliction;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/**
 * Another identifier of the same own item matches one of the same other agency's, or the same one matches by a
 * stronger rule than the notice said so far.
 */
@Revision("1")
@NonPersonal
public record DeconflictionMatchAddedEvent(String noticeId, String agency, DeconflictionMatch match) {
}
