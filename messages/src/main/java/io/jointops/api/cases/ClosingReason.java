package io.jointops.api.cases;

/** Why a joint case was closed. */
public enum ClosingReason {
    /** handed to prosecution */
    PROSECUTED,
    /** transferred to another agency or case */
    TRANSFERRED,
    /** no further action */
    NO_FURTHER_ACTION
}
