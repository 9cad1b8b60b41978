package io.jointops.api.intel;

/** {@code from} stands in {@code kind} to {@code to}; both are {@link IntelEntity#entityId()}s of the same report. */
public record IntelRelation(String from, RelationKind kind, String to) {
}
