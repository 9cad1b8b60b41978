package io.jointops.platform.replay;

/** A view was asked for while it is being rebuilt: answered with 503 and {@code Retry-After}, never a half-built view. */
public class ViewRebuildingException extends RuntimeException {

    private final String processingGroup;
    private final long retryAfterSeconds;

    public ViewRebuildingException(String processingGroup, long retryAfterSeconds) {
        this(processingGroup, retryAfterSeconds,
                "The view '" + processingGroup + "' is being rebuilt from the event store; retry shortly.");
    }

    /** With another reason to retry shortly. */
    public ViewRebuildingException(String processingGroup, long retryAfterSeconds, String detail) {
        super(detail);
        this.processingGroup = processingGroup;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String processingGroup() {
        return processingGroup;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
