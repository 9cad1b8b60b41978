package io.jointops.api.intel;

/**
 * An entity named in a report.
 *
 * @param entityId   unique within the report; relations between entities refer to it
 * @param value      as the analyst wrote it
 * @param normalised the normal form used for matching across reports and services (e.g. E.164 for phone numbers,
 *                   lower-cased host for URLs, case-folded and space-collapsed names); intel-service computes it
 */
public record IntelEntity(String entityId, EntityType type, String value, String normalised) {
}
