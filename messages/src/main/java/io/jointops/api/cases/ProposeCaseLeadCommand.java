package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Sent by another service's process when something it recorded calls for a joint case (e.g. a seizure of a Table I
 * fentanyl precursor). case-service records it as a lead that a supervisor accepts, opening a case with the item
 * linked, or dismisses.
 *
 * @param leadId          chosen by the sender, derived from the item so that a redelivered proposal is recorded once
 * @param itemType        the item the lead is about; accepting the lead links it to the new case
 * @param proposingAgency the agency that owns the item; it leads the case if the lead is accepted
 * @param agencies        every agency that may see the item; they may see the lead
 * @param reason          why the lead was proposed, in words
 */
public record ProposeCaseLeadCommand(
        @TargetAggregateIdentifier String leadId,
        @NotNull LinkedItemType itemType,
        @NotBlank @Size(max = 64) String itemId,
        @NotBlank @Size(max = 400) String title,
        @NotBlank String proposingAgency,
        Set<String> agencies,
        @NotBlank @Size(max = 2000) String reason) {
}
