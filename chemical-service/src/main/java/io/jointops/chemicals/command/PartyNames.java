package io.jointops.chemicals.command;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normal form in which party names are compared with the names intelligence reports give: NFKC, case-folded,
 * punctuation removed, whitespace collapsed. Applied to both sides, so "PACIFIC  Reagents, L.L.C." matches
 * "Pacific Reagents LLC".
 */
public final class PartyNames {

    private PartyNames() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC)
                // upper then lower folds more than lower alone (e.g. German sharp s to "ss")
                .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\p{P}+", "").replaceAll("\\s+", " ").strip();
    }
}
