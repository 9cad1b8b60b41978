package io.jointops.audit;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An agency's co-signer ({@link CoSigner}) as a program: {@code java -jar audit-cosigner.jar --agency US-DEA
 * --key us-dea.pem --state us-dea.state --api https://jointops.example.org --token-file token}. Each round it takes
 * the newest checkpoint and the consistency proof from the checkpoint it signed last, signs when the proof verifies
 * and posts the signature; or it reads both from files and writes the signature. Exit status 0: signed, or nothing
 * new to sign; 1: REFUSED (the reason follows; the state is unchanged, so it refuses again next time); 2: wrong usage,
 * an unreadable file, or the API unreachable or answering an error. With {@code --watch SECONDS} it runs a round every
 * so often until stopped, and {@code --health-port} serves {@code /healthz} and {@code /readyz} (503 while the last
 * round refused or failed).
 */
public final class CoSignerCli {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: java -jar audit-cosigner.jar --agency NAME --key PRIVATE-KEY-FILE --state FILE [--init --origin NAME]
                     (--api URL [--token-file FILE | --token-url URL --client-id ID --client-secret-file FILE]
                        [--watch SECONDS] [--health-port PORT]
                      | --checkpoint FILE [--proof FILE] [--signature-out FILE])
              --agency NAME            the agency this co-signer signs for, as the checkpoints list it (e.g. US-DEA)
              --key FILE               the agency's Ed25519 private key (PKCS#8 PEM); never leaves this program
              --state FILE             the checkpoint this co-signer signed last (created by --init, then its own)
              --init --origin NAME     first use: start from the empty tree of log NAME (trust the first checkpoint)
              --api URL                the platform (gateway) base URL: GET /api/audit/checkpoints/latest and
                                       /api/audit/proofs/consistency, POST /api/audit/checkpoints/{size}/signatures
              --token-file FILE        a bearer token (role notary-signer, the agency's claim), re-read every round
              --token-url URL --client-id ID --client-secret-file FILE
                                       or a token by the client-credentials grant, every round
              --watch SECONDS          a round every SECONDS until stopped (else one round)
              --health-port PORT       with --watch: /healthz and /readyz (503 while refusing or failing)
              --checkpoint FILE        instead of --api: the checkpoint's JSON (GET /api/audit/checkpoints/{size})
              --proof FILE             its consistency proof from the size signed last (GET /api/audit/proofs/...)
              --signature-out FILE     where to write {"agency":..,"signature":..} (else standard output)
            Exit status: 0 signed or nothing to sign, 1 REFUSED (why follows), 2 usage, file or network error.""";

    /** The outcome of one round: an exit status and what to say. */
    record Outcome(int status, String message) {
    }

    private CoSignerCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        if (options == null) {
            out.println(USAGE_TEXT);
            return OK;
        }
        CoSigner coSigner;
        try {
            coSigner = options.coSigner();
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        if (options.watch == null) {
            return report(round(options, coSigner), out, err);
        }
        return watch(options, coSigner, out, err);
    }

    private static int report(Outcome outcome, PrintStream out, PrintStream err) {
        (outcome.status() == OK ? out : err).println(outcome.message());
        return outcome.status();
    }

    /** Runs rounds until interrupted; the health server answers from the last one. */
    private static int watch(Options options, CoSigner coSigner, PrintStream out, PrintStream err) {
        Outcome[] last = {new Outcome(USAGE, "starting: no round has run yet")};
        HttpServer health = null;
        try {
            if (options.healthPort != null) {
                health = HttpServer.create(new InetSocketAddress(options.healthPort), 0);
                health.createContext("/healthz", exchange -> answer(exchange, 200, "alive"));
                health.createContext("/readyz", exchange -> {
                    Outcome outcome = last[0];
                    answer(exchange, outcome.status() == OK ? 200 : 503, outcome.message());
                });
                health.start();
            }
            while (!Thread.currentThread().isInterrupted()) {
                Outcome outcome = round(options, coSigner);
                Outcome before = last[0];
                last[0] = outcome;
                // say it when something changed; a refusal is said every round (it is the alert)
                if (outcome.status() != OK || !outcome.message().equals(before.message())) {
                    report(new Outcome(outcome.status(), Instant.now() + " " + outcome.message()), out, err);
                }
                Thread.sleep(options.watch.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            err.println("cannot serve health on port " + options.healthPort + ": " + e);
            return USAGE;
        } finally {
            if (health != null) {
                health.stop(0);
            }
        }
        return last[0].status();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
    }

    /** One round: from the API, or from the files given. */
    static Outcome round(Options options, CoSigner coSigner) {
        try (AutoCloseable locked = coSigner.state().lock()) {
            return options.api != null ? fromApi(options, coSigner) : fromFiles(options, coSigner);
        } catch (CoSignerApi.ApiException | IllegalStateException | IllegalArgumentException e) {
            return new Outcome(USAGE, "ERROR: " + e.getMessage());
        } catch (Exception e) {
            return new Outcome(USAGE, "ERROR: " + e);
        }
    }

    private static Outcome fromApi(Options options, CoSigner coSigner) throws CoSignerApi.ApiException {
        CoSignerApi api = new CoSignerApi(options.api, options.token);
        Optional<CoSignerApi.Published> latest = api.latest();
        if (latest.isEmpty()) {
            return new Outcome(OK, "NOTHING TO SIGN: the log has no checkpoint yet");
        }
        Checkpoint checkpoint = latest.get().checkpoint();
        long from = coSigner.lastSignedSize();
        List<byte[]> proof = from < checkpoint.treeSize() ? api.consistency(from, checkpoint.treeSize()) : List.of();
        CoSigner.Decision decision = coSigner.consider(checkpoint, proof);
        if (decision instanceof CoSigner.Refused refused) {
            return refusal(refused, coSigner);
        }
        CoSigner.Signed signed = (CoSigner.Signed) decision;
        String encoded = Base64.getEncoder().encodeToString(signed.signature());
        if (encoded.equals(latest.get().signatures().get(coSigner.agency()))) {
            return new Outcome(OK, "UP TO DATE: checkpoint " + checkpoint.treeSize() + " already carries the"
                    + " signature of " + coSigner.agency());
        }
        api.post(checkpoint.treeSize(), coSigner.agency(), signed.signature());
        return new Outcome(OK, signedMessage(signed, coSigner) + "; posted");
    }

    private static Outcome fromFiles(Options options, CoSigner coSigner) throws CoSignerApi.ApiException, IOException {
        Checkpoint checkpoint = CoSignerApi.published(CoSignerApi.read(read(options.checkpointFile),
                options.checkpointFile.toString())).checkpoint();
        long from = coSigner.lastSignedSize();
        List<byte[]> proof = List.of();
        if (from < checkpoint.treeSize() && from > 0) {
            if (options.proofFile == null) {
                throw new IllegalArgumentException("checkpoint " + checkpoint.treeSize() + " is larger than the one "
                        + coSigner.agency() + " signed last (" + from + "): give --proof with the consistency proof"
                        + " from " + from + " (GET /api/audit/proofs/consistency?from=" + from + "&to="
                        + checkpoint.treeSize() + ")");
            }
            proof = CoSignerApi.proof(CoSignerApi.read(read(options.proofFile), options.proofFile.toString()), from,
                    checkpoint.treeSize());
        }
        CoSigner.Decision decision = coSigner.consider(checkpoint, proof);
        if (decision instanceof CoSigner.Refused refused) {
            return refusal(refused, coSigner);
        }
        CoSigner.Signed signed = (CoSigner.Signed) decision;
        String json = "{\"agency\":\"" + coSigner.agency() + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\"}";
        if (options.signatureOut != null) {
            Files.writeString(options.signatureOut, json + "\n");
            return new Outcome(OK, signedMessage(signed, coSigner) + "; signature written to " + options.signatureOut
                    + " (POST it to /api/audit/checkpoints/" + checkpoint.treeSize() + "/signatures)");
        }
        return new Outcome(OK, json);
    }

    private static String signedMessage(CoSigner.Signed signed, CoSigner coSigner) {
        Checkpoint checkpoint = signed.checkpoint();
        return (signed.again() ? "SIGNED AGAIN" : "SIGNED") + ": checkpoint " + checkpoint.treeSize() + " (root "
                + Hex.shortHash(checkpoint.rootHash()) + ", " + checkpoint.time() + ") of log '" + checkpoint.origin()
                + "' as " + coSigner.agency() + ": " + signed.reason();
    }

    private static Outcome refusal(CoSigner.Refused refused, CoSigner coSigner) {
        return new Outcome(REFUSED, "REFUSED (" + refused.kind().name().toLowerCase().replace('_', '-') + "): "
                + coSigner.agency() + " does not sign " + refused.reason() + ". The state is unchanged: "
                + coSigner.agency() + " refuses again until the log shows a tree that extends the checkpoint it"
                + " signed last.");
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
    }

    /** The command line, checked. */
    static final class Options {
        String agency;
        Path key;
        Path state;
        boolean init;
        String origin;
        URI api;
        Path tokenFile;
        URI tokenUrl;
        String clientId;
        Path clientSecretFile;
        Duration watch;
        Integer healthPort;
        Path checkpointFile;
        Path proofFile;
        Path signatureOut;
        Supplier<String> token = () -> null;

        /** Null for --help. */
        static Options parse(String[] args) {
            Options o = new Options();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return null;
                }
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (option.equals("--init")) {
                    o.init = true;
                    continue;
                }
                if (!option.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                if (!seen.add(option)) {
                    throw new IllegalArgumentException(option + " is given twice");
                }
                String value = !option.equals(arg) ? arg.substring(option.length() + 1)
                        : i + 1 < args.length ? args[++i] : null;
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                switch (option) {
                    case "--agency" -> o.agency = value;
                    case "--key" -> o.key = Path.of(value);
                    case "--state" -> o.state = Path.of(value);
                    case "--origin" -> o.origin = value;
                    case "--api" -> o.api = uri(option, value);
                    case "--token-file" -> o.tokenFile = Path.of(value);
                    case "--token-url" -> o.tokenUrl = uri(option, value);
                    case "--client-id" -> o.clientId = value;
                    case "--client-secret-file" -> o.clientSecretFile = Path.of(value);
                    case "--watch" -> o.watch = Duration.ofSeconds(positive(option, value));
                    case "--health-port" -> o.healthPort = (int) positive(option, value);
                    case "--checkpoint" -> o.checkpointFile = Path.of(value);
                    case "--proof" -> o.proofFile = Path.of(value);
                    case "--signature-out" -> o.signatureOut = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            for (Map.Entry<String, Object> required : Map.<String, Object>of("--agency", o.agency == null ? "" : o.agency,
                    "--key", o.key == null ? "" : o.key, "--state", o.state == null ? "" : o.state).entrySet()) {
                if ("".equals(required.getValue())) {
                    throw new IllegalArgumentException(required.getKey() + " is required");
                }
            }
            if ((o.api == null) == (o.checkpointFile == null)) {
                throw new IllegalArgumentException("give either --api URL or --checkpoint FILE");
            }
            if (o.api == null && (o.tokenFile != null || o.tokenUrl != null || o.watch != null)) {
                throw new IllegalArgumentException("--token-file, --token-url and --watch go with --api");
            }
            if (o.api != null && (o.proofFile != null || o.signatureOut != null)) {
                throw new IllegalArgumentException("--proof and --signature-out go with --checkpoint");
            }
            if (o.healthPort != null && o.watch == null) {
                throw new IllegalArgumentException("--health-port goes with --watch");
            }
            if (o.init && o.origin == null) {
                throw new IllegalArgumentException("--init needs --origin NAME: the log this co-signer witnesses");
            }
            if (o.tokenFile != null && o.tokenUrl != null) {
                throw new IllegalArgumentException("give either --token-file or --token-url");
            }
            if ((o.tokenUrl == null) != (o.clientId == null) || (o.tokenUrl == null) != (o.clientSecretFile == null)) {
                throw new IllegalArgumentException("--token-url, --client-id and --client-secret-file go together");
            }
            if (o.tokenFile != null) {
                Path file = o.tokenFile;
                o.token = () -> readSecret(file, "the token file");
            } else if (o.tokenUrl != null) {
                Path secret = o.clientSecretFile;
                o.token = CoSignerApi.clientCredentials(o.tokenUrl, o.clientId, () -> readSecret(secret,
                        "the client secret file"));
            }
            return o;
        }

        /** The co-signer: its key, and its state (created at --init, which never overwrites one). */
        CoSigner coSigner() {
            PrivateKey privateKey;
            try {
                privateKey = Ed25519.privateKey(readSecret(key, "the key file"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the key file " + key + " is " + e.getMessage(), e);
            }
            CoSignerState store = CoSignerState.file(state);
            if (init) {
                if (store.exists()) {
                    CoSignerState.State existing = store.read();
                    if (!existing.origin().equals(origin) || !existing.agency().equals(agency)) {
                        throw new IllegalArgumentException("--init: the state file " + state + " exists, of log '"
                                + existing.origin() + "' and agency " + existing.agency() + "; it is never replaced");
                    }
                } else {
                    store.write(CoSignerState.State.initial(origin, agency));
                }
            } else if (!store.exists()) {
                throw new IllegalStateException("no co-signer state file " + state + ": on first use give --init"
                        + " --origin NAME (the co-signer then trusts the first checkpoint it is shown: compare it"
                        + " with another agency's before relying on it), else restore the file; a co-signer that"
                        + " lost its state can no longer tell a rewritten log from the one it signed");
            }
            CoSignerState.State current = store.read();
            if (!current.agency().equals(agency)) {
                throw new IllegalArgumentException("the state file " + state + " is of agency " + current.agency()
                        + ", not " + agency);
            }
            if (origin != null && !current.origin().equals(origin)) {
                throw new IllegalArgumentException("the state file " + state + " is of log '" + current.origin()
                        + "', not '" + origin + "'");
            }
            return new CoSigner(agency, privateKey, store);
        }

        private static String readSecret(Path file, String what) {
            try {
                return Files.readString(file).strip();
            } catch (NoSuchFileException e) {
                throw new IllegalStateException("cannot read " + what + " " + file + ": no such file", e);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + what + " " + file + ": " + e, e);
            }
        }

        private static URI uri(String option, String value) {
            try {
                URI uri = URI.create(value);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new IllegalArgumentException("not http(s)");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " " + value + " is not an http(s) URL");
            }
        }

        private static long positive(String option, String value) {
            try {
                long number = Long.parseLong(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(option + " takes a positive number, not " + value);
        }
    }
}
