package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * An agency asks an agency of another country to postpone or freeze transactions on accounts or assets.
 *
 * @param requestingAgency the caller's agency, from its token
 * @param receivingAgency  the agency asked, e.g. {@code CN-CAMLMAC}; its country is the code's prefix
 * @param caseId           the joint case the request belongs to (optional)
 */
public record RequestFreezeCommand(
        @TargetAggregateIdentifier String requestId,
        @NotBlank String requestingAgency,
        @NotBlank String receivingAgency,
        @NotNull FreezeMeasure measure,
        @NotBlank @Size(max = 2000) String legalBasis,
        @Nullable @Size(max = 64) String caseId,
        @NotNull FreezeUrgency urgency,
        List<@NotNull @Valid FreezeTarget> targets,
        @NotNull Tlp tlp,
        @NotNull HandlingCode handlingCode) {
}
