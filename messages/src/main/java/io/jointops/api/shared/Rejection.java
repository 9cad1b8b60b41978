package io.jointops.api.shared;

/**
 * Why a command was refused. Travels as the details of a command execution exception, so the reason survives
 * the distributed command bus and the web layer can answer with the right status.
 *
 * @param reason what kind of refusal
 * @param field  the request field at fault, or null
 * @param detail a sentence for the caller
 */
public record Rejection(Reason reason, String field, String detail) {

    public enum Reason {
        /** The item does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The caller is known to be involved but may not do this. */
        FORBIDDEN,
        /** The item changed since the caller read it (If-Match). */
        STALE_VERSION,
        /** The request conflicts with the item's current state. */
        CONFLICT,
        /** The request is invalid. */
        INVALID
    }
}
