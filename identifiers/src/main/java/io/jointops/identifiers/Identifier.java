package io.jointops.identifiers;

import java.util.List;
import java.util.Optional;

/**
 * An identifier in its canonical form with the keys it is matched by. Made by {@link Identifiers#of}.
 *
 * @param kind      what it names
 * @param canonical the one form to store and show, e.g. {@code +12025550143}, {@code acme trading co ltd},
 *                  {@code DE89370400440532013000}
 * @param keys      the keys it is found by, strongest rule first, no two alike
 */
public record Identifier(IdentifierKind kind, String canonical, List<MatchKey> keys) {

    public Identifier {
        keys = List.copyOf(keys);
    }

    /** The strongest rule by which this and {@code other} match, or empty if they do not. */
    public Optional<MatchRule> matches(Identifier other) {
        if (kind.family() != other.kind.family()) {
            return Optional.empty();
        }
        MatchRule best = null;
        for (MatchKey mine : keys) {
            for (MatchKey theirs : other.keys) {
                if (mine.indexKey().equals(theirs.indexKey())) {
                    MatchRule rule = MatchRule.combine(mine.rule(), theirs.rule()).orElse(null);
                    if (rule != null) {
                        best = best == null ? rule : MatchRule.stronger(best, rule);
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
