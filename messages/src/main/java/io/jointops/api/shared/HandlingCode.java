package io.jointops.api.shared;

/** Europol SIENA handling codes: what the recipient may do with an item. */
public enum HandlingCode {
    /** Use for crime-fighting purposes only. */
    H0,
    /** Not for use in judicial proceedings without the originator's permission. */
    H1,
    /** No onward dissemination without the originator's permission. */
    H2,
    /** Other restrictions, stated in words. */
    H3
}
