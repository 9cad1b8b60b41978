package io.jointops.platform.test.command;

import static io.jointops.platform.command.CommandChecks.invalid;

/** Aggregates' checks as ArchitectureRulesTest finds them: by hand where the command should state them, or not. */
public final class CommandCheckFixtures {

    private CommandCheckFixtures() {
    }

    /** A value the command should say @NotNull. */
    public static final class GivenByHand {
        void handle(Object tlp) {
            if (tlp == null) {
                throw invalid("tlp", "must be given");
            }
        }
    }

    /** A text's length the command should say @Size, its bound passed in. */
    public static final class LengthByHand {
        static void requireMax(String field, String value, int max) {
            if (value != null && value.length() > max) {
                throw invalid(field, "must be at most " + max + " characters");
            }
        }
    }

    /** A requirement under a condition, which no constraint on one component states. */
    public static final class Conditional {
        void handle(Object threshold, Object unit) {
            if (threshold != null && unit == null) {
                throw invalid("unit", "must be given with a threshold quantity");
            }
        }
    }
}
