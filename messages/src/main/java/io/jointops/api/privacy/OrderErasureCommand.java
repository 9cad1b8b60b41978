package io.jointops.api.privacy;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Orders the personal data of {@code subjects} erased: in {@code itemIds} only, or in every item and service when
 * empty (two persons who share a name are told apart by their items). Erased once a supervisor of the ordering agency
 * other than the officer who ordered it approves.
 *
 * @param itemText   also the free text of {@code itemIds} (notes, summaries, titles: their items' own subject), which
 *                   no identifier finds
 * @param legalBasis what requires the erasure: a court order's reference, the statute and article
 * @param reason     why, in the officer's words
 */
public record OrderErasureCommand(@TargetAggregateIdentifier String orderId, List<ErasureSubject> subjects,
                                  List<String> itemIds, boolean itemText, @NotBlank @Size(max = 2000) String legalBasis, @Nullable @Size(max = 2000) String reason,
                                  ErasureOfficer officer) {
}
