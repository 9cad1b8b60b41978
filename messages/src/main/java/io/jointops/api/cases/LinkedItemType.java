package io.jointops.api.cases;

/** Items of other services that can be linked to a case; each owning service confirms its own links. */
public enum LinkedItemType {
    INTEL_REPORT
}
