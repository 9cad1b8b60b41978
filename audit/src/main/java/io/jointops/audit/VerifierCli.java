package io.jointops.audit;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * The offline verifier: {@code java -jar audit-verifier.jar --policy FILE <bundle.json>}, or with the policy given as
 * options, {@code --origin NAME --key AGENCY=public-key.pem... [--quorum N]}; both may be combined, each setting
 * given once. Exit status 0: the bundle verified under the policy; 1: it did not (the message says what and where);
 * 2: wrong usage, no trust policy, or an unreadable file. Without a policy it refuses: keys a bundle carries are never
 * trusted.
 */
public final class VerifierCli {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: java -jar audit-verifier.jar [--policy FILE] [--origin NAME] [--key AGENCY=PUBLIC-KEY-FILE]... \
            [--quorum N|all] [--file FILE]... <bundle.json>
              --policy FILE            a trust policy: lines 'origin NAME', 'agency NAME BASE64-KEY', 'quorum all|N'
              --origin NAME            the log the checkpoints must be of (the notary's origin, e.g. jointops)
              --key AGENCY=FILE        an agency's Ed25519 public key (PEM or base64 of the X.509 DER); repeat per agency
              --quorum N|all           how many of the trusted agencies must have signed each checkpoint (default: all)
              --file FILE              a file handed over with the bundle (an evidence file, a case's dossier PDF): its
                                       SHA-256 must be the one an event of the bundle logged when it was added or
                                       produced; repeat per file
            A policy is required (a file, the options, or both; each setting once); keys a bundle carries are never
            trusted. Exit status: 0 verified, 1 FAILED (the reason follows), 2 wrong usage or unreadable file.""";

    private VerifierCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path bundlePath = null;
        TrustPolicy.Builder policy = TrustPolicy.builder();
        boolean policyGiven = false;
        java.util.List<Path> handedOver = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE_TEXT);
                return VERIFIED;
            }
            String option = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!option.equals("--policy") && !option.equals("--origin") && !option.equals("--key")
                    && !option.equals("--quorum") && !option.equals("--file")) {
                if (bundlePath == null && !arg.startsWith("-")) {
                    bundlePath = Path.of(arg);
                    continue;
                }
                err.println("unexpected argument '" + arg + "'\n" + USAGE_TEXT);
                return USAGE;
            }
            String value = !option.equals(arg) ? arg.substring(option.length() + 1)
                    : i + 1 < args.length ? args[++i] : null;
            if (value == null || value.isEmpty()) {
                err.println(option + " needs a value\n" + USAGE_TEXT);
                return USAGE;
            }
            if (option.equals("--file")) {
                handedOver.add(Path.of(value));
                continue;
            }
            try {
                switch (option) {
                    case "--policy" -> policy.read(read(Path.of(value), "the policy file"));
                    case "--origin" -> policy.origin(value);
                    case "--quorum" -> policy.quorum(value);
                    default -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--key takes AGENCY=FILE, not '" + value + "'");
                        }
                        policy.agency(value.substring(0, eq), publicKey(Path.of(value.substring(eq + 1))));
                    }
                }
            } catch (IllegalArgumentException e) {
                err.println(option + " " + value + ": " + e.getMessage() + "\n" + USAGE_TEXT);
                return USAGE;
            }
            policyGiven = true;
        }
        if (bundlePath == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (!policyGiven) {
            err.println("no trust policy: refusing to verify " + bundlePath + ". Give --policy FILE, or --origin NAME"
                    + " and --key AGENCY=FILE for each agency whose signature you require: the keys a bundle carries"
                    + " are never trusted, since whoever made the bundle could have signed it with them.\n"
                    + USAGE_TEXT);
            return USAGE;
        }
        TrustPolicy trusted;
        try {
            trusted = policy.build();
        } catch (IllegalArgumentException e) {
            err.println("incomplete trust policy, refusing to verify: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundlePath), 1 << 16);
             Bundles.Reader reader = Bundles.open(in)) {
            HandedOverFiles files = new HandedOverFiles(handedOver);
            Verifier.Report report = new Verifier(trusted).verify(reader.header(), reader.events(), files::accept);
            java.util.List<HandedOverFiles.Match> matches = files.matches(reader.header().scope());
            out.println(report.summary());
            for (HandedOverFiles.Match match : matches) {
                out.println("FILE " + match.file() + ": SHA-256 " + match.sha256() + " is " + match.loggedAs());
            }
            StringBuilder keys = new StringBuilder();
            trusted.agencies().forEach((agency, key) -> keys.append(keys.isEmpty() ? "" : ", ").append(agency)
                    .append(" key ").append(Ed25519.keyId(key)));
            out.println("Trusted (from the policy, not the bundle): log '" + trusted.origin() + "', " + keys
                    + "; required: " + trusted.describe());
            return VERIFIED;
        } catch (VerificationException e) {
            err.println("FAILED: " + e.getMessage());
            return FAILED;
        } catch (NoSuchFileException e) {
            err.println("FAILED: no such " + (bundlePath.toString().equals(e.getFile()) ? "bundle " : "") + "file: "
                    + e.getFile());
            return USAGE;
        } catch (JsonProcessingException e) {
            return unreadable(bundlePath, e, err);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                return unreadable(bundlePath, json, err);
            }
            err.println("FAILED: cannot read " + bundlePath + ": " + e.getCause());
            return USAGE;
        } catch (IOException e) {
            err.println("FAILED: cannot read " + bundlePath + ": " + e);
            return USAGE;
        }
    }

    /** An agency's public key from a file; a private key is refused rather than turned into its public key. */
    private static PublicKey publicKey(Path file) {
        String text = read(file, "the key file");
        if (text.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("the key file " + file + " holds a private key: give the agency's"
                    + " public key (openssl pkey -in key.pem -pubout)");
        }
        try {
            return Ed25519.publicKey(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key file " + file + " is " + e.getMessage(), e);
        }
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e, e);
        }
    }

    private static int unreadable(Path bundlePath, JsonProcessingException e, PrintStream err) {
        err.println("FAILED: " + bundlePath + " is not a readable bundle: " + e.getOriginalMessage()
                + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")" : ""));
        return FAILED;
    }
}
