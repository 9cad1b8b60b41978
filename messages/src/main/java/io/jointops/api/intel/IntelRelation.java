package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** {@code from} stands in {@code kind} to {@code to}; both are {@link IntelEntity#entityId()}s of the same report. */
@NonPersonal
public record IntelRelation(@NotBlank String from, @NotNull RelationKind kind, @NotBlank String to) {
}
