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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The offline verifier: {@code java -jar audit-verifier.jar <bundle.json> [--key AGENCY=public-key.pem]...}.
 * Exit status 0: the bundle verified; 1: it did not (the message says what and where); 2: wrong usage or an
 * unreadable file. Without {@code --key} it relies on the keys in the bundle and prints their ids to be compared
 * out of band; with {@code --key} a bundle whose key of that agency differs fails.
 */
public final class VerifierCli {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT =
            "usage: java -jar audit-verifier.jar <bundle.json> [--key AGENCY=public-key.pem]...";

    private VerifierCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path bundlePath = null;
        Map<String, PublicKey> trusted = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE_TEXT);
                return VERIFIED;
            }
            if (arg.equals("--key") || arg.startsWith("--key=")) {
                String value = arg.equals("--key") ? (i + 1 < args.length ? args[++i] : "") : arg.substring(6);
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    err.println("--key takes AGENCY=FILE, not '" + value + "'\n" + USAGE_TEXT);
                    return USAGE;
                }
                try {
                    trusted.put(value.substring(0, eq), Ed25519.publicKey(Files.readString(Path.of(value.substring(eq + 1)))));
                } catch (IOException e) {
                    err.println("cannot read the key file " + value.substring(eq + 1) + ": " + e);
                    return USAGE;
                } catch (IllegalArgumentException e) {
                    err.println("the key file " + value.substring(eq + 1) + " is " + e.getMessage());
                    return USAGE;
                }
            } else if (bundlePath == null && !arg.startsWith("-")) {
                bundlePath = Path.of(arg);
            } else {
                err.println("unexpected argument '" + arg + "'\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        if (bundlePath == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundlePath), 1 << 16);
             Bundles.Reader reader = Bundles.open(in)) {
            Verifier.Report report = new Verifier(trusted).verify(reader.header(), reader.events());
            out.println(report.summary());
            if (trusted.isEmpty() && reader.header().keys() != null) {
                out.println("Keys relied on (from the bundle; compare their ids with each agency's published key, or"
                        + " pass --key AGENCY=FILE):");
                for (Bundle.AgencyKey key : reader.header().keys()) {
                    out.println("  " + key.agency() + " " + Ed25519.keyId(Ed25519.publicKey(key.publicKey())));
                }
            }
            return VERIFIED;
        } catch (VerificationException e) {
            err.println("FAILED: " + e.getMessage());
            return FAILED;
        } catch (NoSuchFileException e) {
            err.println("FAILED: no such bundle file: " + bundlePath);
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

    private static int unreadable(Path bundlePath, JsonProcessingException e, PrintStream err) {
        err.println("FAILED: " + bundlePath + " is not a readable bundle: " + e.getOriginalMessage()
                + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")" : ""));
        return FAILED;
    }
}
