package io.jointops.audit;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an auditor trusts ({@code docs/audit-format.md}, "Trust policy"), as Certificate Transparency and sigsum
 * witnesses do: the name of the log (its origin), the Ed25519 public key of each agency whose signature counts, and how
 * many of them must have signed every checkpoint: all (the default) or a quorum. The verifier takes keys and origin
 * from here only, never from a bundle. The text form, one setting a line, {@code #} starting a comment:
 * <pre>
 * origin jointops
 * agency CN-NNCC MCowBQYDK2VwAyEA...   (base64 of the X.509 DER, as GET /api/audit/keys and bundles carry keys)
 * agency US-DEA  MCowBQYDK2VwAyEA...
 * quorum all                           (or a number: how many of the agencies above must have signed)
 * </pre>
 */
public final class TrustPolicy {

    private final String origin;
    private final Map<String, PublicKey> agencies;
    /** Null: every agency must sign. */
    private final Integer quorum;

    private TrustPolicy(String origin, Map<String, PublicKey> agencies, Integer quorum) {
        this.origin = origin;
        this.agencies = Collections.unmodifiableMap(new TreeMap<>(agencies));
        this.quorum = quorum;
    }

    /** Every one of {@code agencies} must have signed every checkpoint of the log {@code origin}. */
    public static TrustPolicy all(String origin, Map<String, PublicKey> agencies) {
        Builder builder = builder().origin(origin);
        agencies.forEach(builder::agency);
        return builder.build();
    }

    /** At least {@code quorum} of {@code agencies} must have signed every checkpoint of the log {@code origin}. */
    public static TrustPolicy quorum(String origin, Map<String, PublicKey> agencies, int quorum) {
        Builder builder = builder().origin(origin).quorum(quorum);
        agencies.forEach(builder::agency);
        return builder.build();
    }

    /** Reads the text form; throws {@link IllegalArgumentException} naming the line at fault. */
    public static TrustPolicy parse(String text) {
        return builder().read(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String origin() {
        return origin;
    }

    /** The trusted agencies and their keys, sorted by name. */
    public Map<String, PublicKey> agencies() {
        return agencies;
    }

    public boolean requiresAll() {
        return quorum == null;
    }

    /** How many of the agencies must have signed each checkpoint. */
    public int required() {
        return quorum == null ? agencies.size() : quorum;
    }

    /** "all of CN-NNCC, US-DEA" or "1 of CN-NNCC, US-DEA". */
    public String describe() {
        return (requiresAll() ? "all" : String.valueOf(quorum)) + " of " + String.join(", ", agencies.keySet());
    }

    /** The policy as text, with key ids in comments: what {@link #parse} reads back. */
    public String text() {
        StringBuilder text = new StringBuilder("origin " + origin + "\n");
        agencies.forEach((agency, key) -> text.append("agency ").append(agency).append(' ').append(Ed25519.encode(key))
                .append("   # key id ").append(Ed25519.keyId(key)).append('\n'));
        return text.append("quorum ").append(requiresAll() ? "all" : quorum).append('\n').toString();
    }

    /**
     * Collects a policy from a file and from command-line options alike: each setting may be given once (an origin,
     * a key per agency, a quorum), so options cannot silently override a policy file.
     */
    public static final class Builder {
        private String origin;
        private final Map<String, PublicKey> agencies = new TreeMap<>();
        private Integer quorum;
        private boolean quorumGiven;

        private Builder() {
        }

        public Builder origin(String origin) {
            if (this.origin != null) {
                throw new IllegalArgumentException("the origin is given twice ('" + this.origin + "' and '" + origin
                        + "')");
            }
            if (origin == null || !Checkpoint.NAME.matcher(origin).matches()) {
                throw new IllegalArgumentException("an origin is 1-64 of A-Z a-z 0-9 . _ -, not '" + origin + "'");
            }
            this.origin = origin;
            return this;
        }

        public Builder agency(String agency, PublicKey key) {
            if (agency == null || !Checkpoint.NAME.matcher(agency).matches()) {
                throw new IllegalArgumentException("an agency is 1-64 of A-Z a-z 0-9 . _ -, not '" + agency + "'");
            }
            if (!(key instanceof EdECPublicKey edec) || !"Ed25519".equals(edec.getParams().getName())) {
                throw new IllegalArgumentException("the key of " + agency + " is not an Ed25519 key");
            }
            if (agencies.containsKey(agency)) {
                throw new IllegalArgumentException("agency " + agency + " is given twice");
            }
            for (Map.Entry<String, PublicKey> other : agencies.entrySet()) {
                if (MessageDigest.isEqual(other.getValue().getEncoded(), key.getEncoded())) {
                    throw new IllegalArgumentException("agencies " + other.getKey() + " and " + agency
                            + " have the same key (id " + Ed25519.keyId(key) + "): one signer would count twice");
                }
            }
            agencies.put(agency, key);
            return this;
        }

        /** {@code null} for all agencies (the default). */
        public Builder quorum(Integer quorum) {
            if (quorumGiven) {
                throw new IllegalArgumentException("the quorum is given twice");
            }
            if (quorum != null && quorum < 1) {
                throw new IllegalArgumentException("a quorum is 1 or more, not " + quorum);
            }
            this.quorum = quorum;
            this.quorumGiven = true;
            return this;
        }

        /** {@code all} or a number. */
        public Builder quorum(String quorum) {
            if ("all".equals(quorum)) {
                return quorum((Integer) null);
            }
            try {
                return quorum(Integer.valueOf(quorum));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a quorum is 'all' or a number, not '" + quorum + "'");
            }
        }

        /** Adds the settings of a policy's text form. */
        public Builder read(String text) {
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int comment = line.indexOf('#');
                List<String> words = words(comment < 0 ? line : line.substring(0, comment));
                if (words.isEmpty()) {
                    continue;
                }
                try {
                    setting(words);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
            return this;
        }

        private void setting(List<String> words) {
            String name = words.get(0);
            int expected = switch (name) {
                case "origin", "quorum" -> 2;
                case "agency" -> 3;
                default -> throw new IllegalArgumentException("'" + name
                        + "' is not a setting (origin, agency, quorum)");
            };
            if (words.size() != expected) {
                throw new IllegalArgumentException(switch (name) {
                    case "origin" -> "write 'origin NAME'";
                    case "quorum" -> "write 'quorum all' or 'quorum N'";
                    default -> "write 'agency NAME PUBLIC-KEY' (base64 of the X.509 DER of an Ed25519 public key)";
                });
            }
            switch (name) {
                case "origin" -> origin(words.get(1));
                case "quorum" -> quorum(words.get(1));
                default -> agency(words.get(1), Ed25519.publicKey(words.get(2)));
            }
        }

        private static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            for (String word : line.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            return words;
        }

        public TrustPolicy build() {
            if (origin == null) {
                throw new IllegalArgumentException("the policy names no origin: the log whose checkpoints it trusts"
                        + " must be pinned ('origin NAME' or --origin NAME)");
            }
            if (agencies.isEmpty()) {
                throw new IllegalArgumentException("the policy trusts no agency: give the public key of each agency"
                        + " whose signature counts ('agency NAME KEY' or --key AGENCY=FILE)");
            }
            if (quorum != null && quorum > agencies.size()) {
                throw new IllegalArgumentException("a quorum of " + quorum + " cannot be met by the "
                        + agencies.size() + " trusted agencies " + String.join(", ", agencies.keySet()));
            }
            return new TrustPolicy(origin, agencies, quorum);
        }
    }
}
