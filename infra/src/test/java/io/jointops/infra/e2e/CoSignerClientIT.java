package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.infra.Realm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: an agency's co-signer logs in to Keycloak as its own confidential client (client credentials, role
 * {@code notary-signer} only, the agency's claim) and works through the gateway: {@code audit-cosigner.jar} with
 * CN-NNCC's client and the key the e2e notary trusts for CN-NNCC reads the newest checkpoint and its consistency proof
 * and signs; the notary takes a signature from that token for CN-NNCC only, and the token reads no event content.
 * <p>
 * The e2e platform co-signs for CN-NNCC inside case-service too, with the same key, right after each checkpoint is
 * issued; Ed25519 signatures are deterministic, so the jar usually finds its signature there already ({@code UP TO
 * DATE}) and posts nothing. The test therefore also posts that signature itself with the client's token: the notary
 * verifies a posted signature before answering 200 (a forged one is a 400), so a 200 shows the client may co-sign
 * for its agency; US-DEA's valid signature with CN-NNCC's token is a 403, and with US-DEA's own client's a 200.
 */
@ExtendWith(RunningPlatform.class)
class CoSignerClientIT {

    static RunningPlatform.Gateway gateway;
    static Realm.CoSignerClient cnClient;
    static Realm.CoSignerClient usClient;
    static Path keys;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        cnClient = client("CN-NNCC");
        usClient = client("US-DEA");
        // the development keys the e2e platform generated; its notary trusts their public keys for the agencies
        keys = RunningPlatform.platform().options().workDir().resolve("keys");
    }

    @Test
    void theCnCoSignerSignsCheckpointsForCnNnccOnlyAndReadsNoContent() throws Exception {
        // an event of CN-NNCC's, so that there is something to notarise and content to refuse
        String title = "Operation Kestrel " + System.nanoTime();
        HttpResponse<String> opened = gateway.post("/api/cases", RunningPlatform.token("cn.supervisor"),
                Map.of("title", title, "tlp", "TLP:AMBER", "handlingCode", "H1"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String location = opened.headers().firstValue("Location").orElseThrow();
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        String correlationId = opened.headers().firstValue("X-Correlation-Id").orElseThrow();

        String signer = RunningPlatform.clientToken(cnClient.clientId(), cnClient.secret());
        JsonNode latest = latestCheckpoint(signer);

        // --- audit-cosigner.jar, logging in by itself with the client's secret from a file
        Path dir = Files.createTempDirectory("cosigner-cn-nncc");
        Files.writeString(dir.resolve("client-secret"), cnClient.secret() + "\n");
        String round = coSigner("--agency", "CN-NNCC", "--key", keys.resolve("cn-nncc.pem").toString(),
                "--state", dir.resolve("state").toString(), "--init", "--origin", "jointops",
                "--api", gateway.baseUrl(),
                "--token-url", RunningPlatform.issuer() + "/protocol/openid-connect/token",
                "--client-id", cnClient.clientId(), "--client-secret-file", dir.resolve("client-secret").toString());
        Matcher signed = Pattern.compile("^0 (SIGNED: checkpoint (\\d+) .* as CN-NNCC: .*; posted"
                + "|UP TO DATE: checkpoint (\\d+) already carries the signature of CN-NNCC)\\s*$", Pattern.DOTALL)
                .matcher(round);
        System.out.println("audit-cosigner.jar -> " + round);
        assertThat(signed.matches()).as(round).isTrue();
        long size = Long.parseLong(signed.group(2) != null ? signed.group(2) : signed.group(3));
        assertThat(size).isGreaterThanOrEqualTo(latest.path("treeSize").asLong());

        // --- the client reads checkpoints, keys and proofs
        JsonNode checkpoint = RunningPlatform.json(ok(gateway.get("/api/audit/checkpoints/" + size, signer)));
        // the state the co-signer keeps is the checkpoint it signed
        assertThat(Files.readString(dir.resolve("state"))).contains("agency=CN-NNCC\n", "size=" + size + "\n",
                "root=" + checkpoint.path("rootHash").asText() + "\n");
        byte[] body = checkpoint.path("signedBody").asText().getBytes(StandardCharsets.UTF_8);
        String cnSignature = sign(keys.resolve("cn-nncc.pem"), body);
        assertThat(signatureOf(checkpoint, "CN-NNCC")).as("the checkpoint carries the co-signer's signature")
                .isEqualTo(cnSignature);
        ok(gateway.get("/api/audit/checkpoints", signer));
        assertThat(ok(gateway.get("/api/audit/keys", signer)).body()).contains("CN-NNCC", "US-DEA");
        ok(gateway.get("/api/audit/proofs/consistency?from=1&to=" + size, signer));

        // --- and posts CN-NNCC's signature: verified by the notary, so a forged one is a 400
        HttpResponse<String> posted = postSignature(size, signer, "CN-NNCC", cnSignature);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(signatureOf(RunningPlatform.json(posted), "CN-NNCC")).isEqualTo(cnSignature);
        HttpResponse<String> forged = postSignature(size, signer, "CN-NNCC", signWithNewKey(body));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(RunningPlatform.json(forged).path("errors").get(0).path("field").asText()).isEqualTo("signature");

        // --- US-DEA's valid signature: refused with CN-NNCC's token, taken with US-DEA's own co-signer client's
        String usSignature = sign(keys.resolve("us-dea.pem"), body);
        HttpResponse<String> asOtherAgency = postSignature(size, signer, "US-DEA", usSignature);
        assertThat(asOtherAgency.statusCode()).as(asOtherAgency.body()).isEqualTo(403);
        String usSigner = RunningPlatform.clientToken(usClient.clientId(), usClient.secret());
        assertThat(postSignature(size, usSigner, "US-DEA", usSignature).statusCode()).isEqualTo(200);

        // --- users without notary-signer post no signature, not even a valid one of their own agency
        for (String user : List.of("cn.supervisor", "cn.investigator", "auditor", "admin")) {
            HttpResponse<String> refused = postSignature(size, RunningPlatform.token(user), "CN-NNCC", cnSignature);
            assertThat(refused.statusCode()).as(user + ": " + refused.body()).isEqualTo(403);
        }

        // --- the client reads no event content: not the audit query, no export, not the case
        for (String path : List.of("/api/audit/events?correlationId=" + correlationId,
                "/api/audit/export?itemId=" + caseId,
                "/api/audit/export?fromPosition=0&toPosition=1000000",
                location, location + "/history", location + "/export")) {
            HttpResponse<String> refused = gateway.get(path, signer);
            assertThat(refused.statusCode()).as(path + ": " + refused.body()).isIn(403, 404);
            assertThat(refused.body()).as(path).doesNotContain(title);
        }
    }

    /** The newest checkpoint, as the client reads it, once the notary has issued one (within its gap timeout). */
    private static JsonNode latestCheckpoint(String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        HttpResponse<String> latest = gateway.get("/api/audit/checkpoints/latest", token);
        while (latest.statusCode() == 404 && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
            latest = gateway.get("/api/audit/checkpoints/latest", token);
        }
        return RunningPlatform.json(ok(latest));
    }

    private static HttpResponse<String> postSignature(long size, String token, String agency, String signature) {
        return gateway.post("/api/audit/checkpoints/" + size + "/signatures", token,
                Map.of("agency", agency, "signature", signature));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return response;
    }

    private static String signatureOf(JsonNode checkpoint, String agency) {
        for (JsonNode signature : checkpoint.path("signatures")) {
            if (signature.path("agency").asText().equals(agency)) {
                return signature.path("signature").asText();
            }
        }
        return null;
    }

    /** Ed25519 over {@code message} with a PKCS#8 PEM key (base64), as the co-signer signs a checkpoint's body. */
    private static String sign(Path pem, byte[] message) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return sign(key, message);
    }

    private static String signWithNewKey(byte[] message) throws Exception {
        return sign(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(), message);
    }

    private static String sign(PrivateKey key, byte[] message) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(message);
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    /** Runs the co-signer jar once; its exit status, a space, and what it printed. */
    private static String coSigner(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                RunningPlatform.platform().options().root().resolve("audit/target/audit-cosigner.jar").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() + " " + output;
    }

    private static Realm.CoSignerClient client(String agency) {
        return Realm.COSIGNER_CLIENTS.stream().filter(c -> c.agency().equals(agency)).findFirst().orElseThrow();
    }
}
