package io.jointops.infra;

/** The platform could not be started; {@link #logTail()} holds the end of the failing process's log, if any. */
public class StartupException extends RuntimeException {

    private final String logTail;

    public StartupException(String message, String logTail) {
        super(message);
        this.logTail = logTail;
    }

    public String logTail() {
        return logTail;
    }
}
