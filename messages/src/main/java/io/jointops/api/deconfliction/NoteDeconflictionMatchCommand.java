package io.jointops.api.deconfliction;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Tells {@code agency} that its item {@code item} names an identifier that an item of {@code otherAgency} names too.
 * Sent by intel-service's deconfliction processor; the notice's id is derived from the agency, the item and the other
 * agency, so a redelivered or replayed match adds nothing.
 *
 * @param contact how to reach the other agency's deconfliction point of contact
 */
public record NoteDeconflictionMatchCommand(@TargetAggregateIdentifier String noticeId, @NotBlank String agency, ItemRef item,
                                            @NotBlank String otherAgency, @Nullable String contact, DeconflictionMatch match) {
}
