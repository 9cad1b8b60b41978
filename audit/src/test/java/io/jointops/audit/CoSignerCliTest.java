package io.jointops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.HexFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The co-signer's command line against a stand-in of the notary's API on the loopback interface (the same JSON as
 * {@code AuditController}), and with files: it signs and posts what extends its state, refuses a rewritten log, a
 * split view and a rollback with exit status 1, and its readiness follows its last round.
 */
class CoSignerCliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final KeyPair US = Ed25519.generate();
    static final String TOKEN = "t0k3n-of-the-auditor-role";

    @TempDir
    Path dir;
    Path key;
    Path state;
    FakeNotary notary;

    @BeforeEach
    void setUp() throws IOException {
        key = dir.resolve("us-dea.pem");
        Files.writeString(key, Ed25519.pem(US.getPrivate()));
        state = dir.resolve("us-dea.state");
        Files.writeString(dir.resolve("token"), TOKEN + "\n");
        notary = new FakeNotary();
    }

    @AfterEach
    void tearDown() {
        notary.close();
    }

    @Test
    void coSignsThroughTheApiAndRefusesARewrittenLogRoundAfterRound() throws Exception {
        assertThat(run("--init", "--origin", "jointops")).startsWith("0 NOTHING TO SIGN");
        notary.log.grow(5);
        Checkpoint five = notary.issue();
        assertThat(run()).startsWith("0 SIGNED: checkpoint 5").contains("first use").endsWith("; posted\n");
        assertThat(notary.signatures.get(5L)).containsKey("US-DEA");
        assertThat(Ed25519.verify(US.getPublic(), five.signedBytes(),
                Base64.getDecoder().decode(notary.signatures.get(5L).get("US-DEA")))).isTrue();
        assertThat(run()).startsWith("0 UP TO DATE: checkpoint 5 already carries the signature of US-DEA");

        notary.log.grow(3);
        notary.issue();
        assertThat(run()).startsWith("0 SIGNED: checkpoint 8").contains("extends the checkpoint US-DEA signed last (size 5")
                .contains("consistency proof of");
        String signedState = Files.readString(state);
        int posts = notary.posts.get();

        // the operator rewrites leaf 3 (event and leaf row), the restarted notary rebuilds its tree from the rows,
        // and the log grows on: every round refuses, nothing is posted, the state stays
        notary.log = notary.log.copyWithLeafChanged(3).grow(2);
        notary.issue();
        for (int round = 0; round < 2; round++) {
            assertThat(run()).startsWith("1 REFUSED (inconsistent): US-DEA does not sign checkpoint 10")
                    .contains("does not extend the checkpoint US-DEA signed last (size 8")
                    .contains("refuses again until the log shows a tree that extends");
        }
        assertThat(notary.posts.get()).isEqualTo(posts);
        assertThat(Files.readString(state)).isEqualTo(signedState);
    }

    @Test
    void aSplitViewAndARollbackShownThroughTheApiAreRefused() throws Exception {
        run("--init", "--origin", "jointops");
        notary.log.grow(6);
        Checkpoint six = notary.issue();
        assertThat(run()).startsWith("0 SIGNED: checkpoint 6");

        CoSignerTest.Log other = notary.log.copyWithLeafChanged(4);
        notary.log = other;
        notary.show(other.checkpoint(six.time(), six.lastPosition()));
        assertThat(run()).startsWith("1 REFUSED (split-view): US-DEA does not sign checkpoint 6 has root");

        notary.log = other.prefix(4);
        notary.issue();
        assertThat(run()).startsWith("1 REFUSED (rollback): US-DEA does not sign checkpoint 4");
    }

    @Test
    void aTokenFromTheClientCredentialsGrantIsUsedAndAMissingTokenIsAnError() throws Exception {
        Files.writeString(dir.resolve("secret"), "cosigner-secret\n");
        run("--init", "--origin", "jointops");
        notary.log.grow(2);
        notary.issue();
        assertThat(run(List.of("--agency", "US-DEA", "--key", key.toString(), "--state", state.toString(),
                "--api", notary.url(), "--token-url", notary.url() + "/token", "--client-id", "us-dea-cosigner",
                "--client-secret-file", dir.resolve("secret").toString()))).startsWith("0 SIGNED: checkpoint 2");
        assertThat(run(List.of("--agency", "US-DEA", "--key", key.toString(), "--state", state.toString(),
                "--api", notary.url()))).startsWith("2 ERROR: GET /api/audit/checkpoints/latest answered 401");
    }

    @Test
    void withoutAStateFileItDoesNotStartAndInitNeverReplacesOne() throws Exception {
        assertThat(run()).startsWith("2 no co-signer state file").contains("--init");
        assertThat(run("--init")).startsWith("2 --init needs --origin NAME");
        notary.log.grow(3);
        notary.issue();
        assertThat(run("--init", "--origin", "jointops")).startsWith("0 SIGNED: checkpoint 3");
        assertThat(run("--init", "--origin", "jointops")).as("a second --init keeps the state").startsWith("0 UP TO DATE");
        assertThat(run("--init", "--origin", "other")).startsWith("2 --init: the state file").contains("is never replaced");
        assertThat(CoSignerCli.run(new String[]{"--agency", "CN-NNCC", "--key", key.toString(), "--state",
                state.toString(), "--api", notary.url()}, nowhere(), nowhere())).isEqualTo(CoSignerCli.USAGE);
    }

    @Test
    void withFilesItSignsWhatExtendsItsStateAndRefusesWhatDoesNot() throws Exception {
        Path checkpoint = dir.resolve("checkpoint.json");
        Path proof = dir.resolve("proof.json");
        Path signature = dir.resolve("signature.json");
        notary.log.grow(4);
        Files.writeString(checkpoint, notary.view(notary.issue()));
        assertThat(files("--init", "--origin", "jointops", "--checkpoint", checkpoint.toString()))
                .startsWith("0 {\"agency\":\"US-DEA\",\"signature\":\"");

        notary.log.grow(4);
        Checkpoint eight = notary.issue();
        Files.writeString(checkpoint, notary.view(eight));
        assertThat(files("--checkpoint", checkpoint.toString())).startsWith("2 ERROR: checkpoint 8 is larger")
                .contains("give --proof");
        Files.writeString(proof, notary.proof(4, 8));
        assertThat(files("--checkpoint", checkpoint.toString(), "--proof", proof.toString(), "--signature-out",
                signature.toString())).startsWith("0 SIGNED: checkpoint 8");
        JsonNode written = JSON.readTree(Files.readString(signature));
        assertThat(Ed25519.verify(US.getPublic(), eight.signedBytes(),
                Base64.getDecoder().decode(written.path("signature").asText()))).isTrue();

        notary.log = notary.log.copyWithLeafChanged(1).grow(1);
        Files.writeString(checkpoint, notary.view(notary.issue()));
        Files.writeString(proof, notary.proof(8, 9));
        assertThat(files("--checkpoint", checkpoint.toString(), "--proof", proof.toString()))
                .startsWith("1 REFUSED (inconsistent)");
    }

    @Test
    void inWatchModeReadinessFollowsTheLastRound() throws Exception {
        run("--init", "--origin", "jointops");
        notary.log.grow(3);
        notary.issue();
        int healthPort = freePort();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8);
        Thread watcher = new Thread(() -> CoSignerCli.run(args("--watch", "1", "--health-port", "" + healthPort),
                printed, printed));
        watcher.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI ready = URI.create("http://127.0.0.1:" + healthPort + "/readyz");
            assertThat(await(http, ready, 200)).containsPattern("^(SIGNED|UP TO DATE): checkpoint 3");
            assertThat(notary.signatures.get(3L)).containsKey("US-DEA");
            notary.log = notary.log.prefix(2);
            notary.issue();
            assertThat(await(http, ready, 503)).startsWith("REFUSED (rollback)");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            watcher.interrupt();
            watcher.join(10_000);
        }
        assertThat(watcher.isAlive()).isFalse();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("REFUSED (rollback)");
    }

    // --- helpers

    private String run(String... extra) {
        return run(List.of(args(extra)));
    }

    private String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of("--agency", "US-DEA", "--key", key.toString(), "--state",
                state.toString(), "--api", notary.url(), "--token-file", dir.resolve("token").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private String files(String... extra) {
        List<String> args = new ArrayList<>(List.of("--agency", "US-DEA", "--key", key.toString(), "--state",
                state.toString()));
        args.addAll(List.of(extra));
        return run(args);
    }

    private static String run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = CoSignerCli.run(args.toArray(String[]::new), print, print);
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream nowhere() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    private static String await(HttpClient http, URI uri, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        HttpResponse<String> response = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == status) {
                    return response.body();
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(uri + " did not answer " + status + " within 20 s; last: "
                + (response == null ? "nothing" : response.statusCode() + " " + response.body()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The notary's API as a co-signer sees it (JSON of {@code AuditController}), on the loopback interface: the newest
     * checkpoint of its current tree, consistency proofs from that tree, signatures verified as the notary does.
     */
    static final class FakeNotary implements AutoCloseable {
        volatile CoSignerTest.Log log = new CoSignerTest.Log();
        volatile Checkpoint latest;
        final Map<Long, Map<String, String>> signatures = new TreeMap<>();
        final AtomicInteger posts = new AtomicInteger();
        private final HttpServer server;

        FakeNotary() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/token", this::token);
            server.createContext("/api/audit/", this::api);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        Checkpoint issue() {
            return show(log.checkpoint());
        }

        Checkpoint show(Checkpoint checkpoint) {
            latest = checkpoint;
            signatures.computeIfAbsent(checkpoint.treeSize(), size -> new TreeMap<>());
            return checkpoint;
        }

        String view(Checkpoint checkpoint) throws IOException {
            List<Map<String, String>> signed = new ArrayList<>();
            signatures.getOrDefault(checkpoint.treeSize(), Map.of()).forEach((agency, signature) ->
                    signed.add(Map.of("agency", agency, "keyId", "0000000000000000", "signature", signature)));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("origin", checkpoint.origin());
            view.put("treeSize", checkpoint.treeSize());
            view.put("rootHash", HexFormat.of().formatHex(checkpoint.rootHash()));
            view.put("time", checkpoint.time());
            view.put("lastPosition", checkpoint.lastPosition());
            view.put("agencies", checkpoint.agencies());
            view.put("signatures", signed);
            view.put("complete", signed.size() == checkpoint.agencies().size());
            view.put("signedBody", checkpoint.signedBody());
            return JSON.writeValueAsString(view);
        }

        String proof(long from, long to) throws IOException {
            return JSON.writeValueAsString(Map.of("fromSize", from, "toSize", to,
                    "fromRootHash", HexFormat.of().formatHex(log.tree.root(from)), "toRootHash", HexFormat.of().formatHex(log.tree.root(to)),
                    "proof", log.tree.consistencyProof(from, to).stream().map(HexFormat.of()::formatHex).toList()));
        }

        private void token(HttpExchange exchange) throws IOException {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = form.contains("grant_type=client_credentials") && form.contains("client_id=us-dea-cosigner")
                    && form.contains("client_secret=cosigner-secret");
            send(exchange, ok ? 200 : 401, ok ? "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\"}" : "{}");
        }

        private synchronized void api(HttpExchange exchange) throws IOException {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"title\":\"Unauthorized\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/audit/checkpoints/latest")) {
                send(exchange, latest == null ? 404 : 200, latest == null ? "{}" : view(latest));
            } else if (path.equals("/api/audit/proofs/consistency")) {
                Map<String, Long> query = new TreeMap<>();
                for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                    query.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
                }
                send(exchange, 200, proof(query.get("from"), query.get("to")));
            } else if (path.matches("/api/audit/checkpoints/\\d+/signatures")) {
                long size = Long.parseLong(path.split("/")[4]);
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                byte[] signature = Base64.getDecoder().decode(body.path("signature").asText());
                if (latest == null || latest.treeSize() != size
                        || !Ed25519.verify(US.getPublic(), latest.signedBytes(), signature)) {
                    send(exchange, 400, "{\"title\":\"Bad Request\"}");
                    return;
                }
                posts.incrementAndGet();
                signatures.get(size).put(body.path("agency").asText(), body.path("signature").asText());
                send(exchange, 200, view(latest));
            } else {
                send(exchange, 404, "{}");
            }
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
