package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;

/** {@code from} stands in {@code kind} to {@code to}; both are {@link IntelEntity#entityId()}s of the same report. */
@NonPersonal
public record IntelRelation(String from, RelationKind kind, String to) {
}
