package io.jointops.platform.command;

import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;

/**
 * The input checks aggregates share beyond their commands' constraints (which {@link CommandValidation} checks before
 * any handler runs), refusing with {@link Reason#INVALID} and the field's name, so that the web layer can answer 400
 * naming the field. Aggregates import them statically.
 */
public final class CommandChecks {

    private CommandChecks() {
    }

    /** An agency code such as {@code US-DEA}. */
    public static void requireAgency(String field, String agency) {
        if (!Agencies.isValid(agency)) {
            throw invalid(field, "'" + agency + "' is not an agency code such as US-DEA");
        }
    }

    /** The refusal of a command whose {@code field} is invalid. */
    public static CommandRejectedException invalid(String field, String detail) {
        return new CommandRejectedException(Reason.INVALID, field, detail);
    }
}
