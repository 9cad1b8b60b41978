package io.jointops.api.privacy;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Orders a correction of personal data recorded as such (docs/privacy.md, "Rectification"): event
 * {@code correctedBy} of item {@code itemId} (written through the item's own command, by the ordering agency) corrects
 * the wrong values {@code subjects} (or, with {@code itemText}, the item's free text) of earlier events of the item.
 * With {@code shred}, the wrong values' keys in that item are destroyed too, as the law may require. Carried out when
 * a supervisor of the ordering agency other than the officer who ordered it approves.
 */
public record OrderRectificationCommand(@TargetAggregateIdentifier String rectificationId, @NotBlank String itemId,
                                        long correctedBy, List<ErasureSubject> subjects, boolean itemText,
                                        boolean shred, @NotBlank @Size(max = 2000) String legalBasis,
                                        @Nullable @Size(max = 2000) String reason, ErasureOfficer officer) {
}
