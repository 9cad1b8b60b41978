package io.jointops.api.shared;

import org.axonframework.commandhandling.CommandExecutionException;

/** Thrown by command handlers to refuse a command; the {@link Rejection} travels as the exception's details. */
public class CommandRejectedException extends CommandExecutionException {

    public CommandRejectedException(Rejection.Reason reason, String field, String detail) {
        super(detail, null, new Rejection(reason, field, detail));
    }

    public Rejection rejection() {
        return (Rejection) getDetails().orElseThrow();
    }
}
