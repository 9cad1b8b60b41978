package io.jointops.api.cases;

/** A member's role in a joint case. */
public enum CaseRole {
    /** directs the investigation; manages members */
    LEAD_INVESTIGATOR,
    /** works the case */
    INVESTIGATOR,
    /** analyses the case's material */
    ANALYST,
    /** liaison officer between the agencies */
    LIAISON
}
