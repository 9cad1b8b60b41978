package io.jointops.api.intel;

/**
 * Where a report stands: drafted by the owner agency, submitted for release, returned with comments or approved by a
 * supervisor of the owner agency (approval disseminates it), and possibly withdrawn later. Partners see a report only
 * once it is {@link #DISSEMINATED} (and still after it is {@link #WITHDRAWN}, so the withdrawal reaches them).
 */
public enum IntelReportStatus {
    DRAFT,
    SUBMITTED_FOR_RELEASE,
    RETURNED,
    DISSEMINATED,
    WITHDRAWN
}
