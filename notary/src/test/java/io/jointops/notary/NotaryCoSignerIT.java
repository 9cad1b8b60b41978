package io.jointops.notary;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jointops.audit.CoSignerCli;
import io.jointops.audit.Ed25519;
import io.jointops.platform.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The co-signer's command line against the real notary API over HTTP on the loopback interface, with a bearer token
 * the service verifies: it fetches the newest checkpoint and the consistency proof, signs and posts, and the
 * checkpoint becomes complete (with the token of US-DEA's signing system; an auditor's is refused); when checkpoints
 * are deleted the running notary refuses (health DOWN, gauge jointops.notary.refusing 1, the readiness group of the
 * Kubernetes manifests still UP) and the co-signer refuses the rolled-back log with exit 1.
 */
@SpringBootTest(classes = NotaryCoSignerIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotaryCoSignerIT {

    static final KeyPair TOKENS = rsa();
    static final KeyPair CN = Ed25519.generate();
    static final KeyPair US = Ed25519.generate();
    static Path dir;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** Tokens signed by the test, as Keycloak's would be. */
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) TOKENS.getPublic()).build();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("notary-cosigner");
        Files.writeString(dir.resolve("cn-nncc.pem"), Ed25519.pem(CN.getPrivate()));
        Files.writeString(dir.resolve("us-dea.pem"), Ed25519.pem(US.getPrivate()));
        Files.writeString(dir.resolve("us-dea.pub.pem"), Ed25519.pem(US.getPublic()));
        // US-DEA's signing system: role notary-signer, agency US-DEA (Keycloak's client jointops-cosigner-us-dea)
        Files.writeString(dir.resolve("token"), token("us-dea-cosigner", "US-DEA", "notary-signer"));
        Files.writeString(dir.resolve("auditor-token"), token("auditor", "JOINT-AUDIT", "auditor"));
        Files.writeString(dir.resolve("investigator-token"), token("cn.investigator", "CN-NNCC", "investigator"));
        String url = TestDatabase.ownDatabase("notary_cosigner_it", false).getUrl();
        TestDatabase.register(registry);
        registry.add("spring.datasource.url", () -> url);
        int busPort = freePort();
        registry.add("spring.application.name", () -> "notary-cosigner-it");
        registry.add("jointops.schema", () -> "notary_cosigner_it");
        registry.add("jointops.api-path", () -> "/api/notary-cosigner-it");
        registry.add("jointops.bus.port", () -> busPort);
        registry.add("jointops.bus.secret", () -> "test-secret-of-sufficient-length");
        registry.add("jointops.bus.members.notary-cosigner-it", () -> "http://localhost:" + busPort);
        registry.add("jointops.notary.enabled", () -> "true");
        registry.add("jointops.notary.interval", () -> "0");
        registry.add("jointops.notary.gap-timeout", () -> "0s");
        registry.add("jointops.notary.agencies.CN-NNCC.private-key-file", () -> dir.resolve("cn-nncc.pem").toString());
        registry.add("jointops.notary.agencies.US-DEA.public-key-file", () -> dir.resolve("us-dea.pub.pem").toString());
        // as the Kubernetes manifests configure case-service: the notary's keys are part of readiness
        registry.add("management.endpoint.health.group.readiness.include", () -> "readinessState,db,notaryKeys");
    }

    @LocalServerPort
    int port;
    @Autowired
    Notary notary;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theCoSignerSignsThroughTheApiAndRefusesTheLogOnceACheckpointIsGone() throws Exception {
        assertThat(cosigner("--init", "--origin", "jointops")).startsWith("0 NOTHING TO SIGN");
        assertThat(get("/api/audit/checkpoints/latest", "token").statusCode()).isEqualTo(404);
        assertThat(get("/api/audit/checkpoints/latest", "investigator-token").statusCode()).isEqualTo(403);

        events("case-a", 3);
        assertThat(notary.notarize()).isPresent();
        assertThat(get("/api/audit/checkpoints/latest", "token").body()).contains("\"treeSize\":3")
                .contains("\"complete\":false");
        // with an auditor's token (not US-DEA's signing system) the signature is refused, and nothing is added
        assertThat(cosignerWith("auditor-token", "us-dea-by-auditor.state", "--init", "--origin", "jointops"))
                .startsWith("2 ERROR: POST /api/audit/checkpoints/3/signatures answered 403");
        assertThat(notary.signed(3).orElseThrow().complete()).isFalse();
        assertThat(cosigner()).startsWith("0 SIGNED: checkpoint 3").endsWith("; posted\n");
        assertThat(notary.signed(3).orElseThrow().complete()).isTrue();

        events("case-b", 2);
        notary.notarize();
        assertThat(cosigner()).startsWith("0 SIGNED: checkpoint 5").contains("consistency proof of");
        assertThat(cosigner()).startsWith("0 UP TO DATE: checkpoint 5");
        assertThat(notary.uncoveredLeaves()).isZero();
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(meters.get("jointops.notary.refusing").gauge().value()).isZero();
        assertThat(meters.get("jointops.notary.uncovered.leaves").gauge().value()).isZero();

        // the operator deletes checkpoint 5: the running notary refuses, says so, and keeps serving the API
        jdbc.sql("DELETE FROM eventstore.audit_checkpoint_signature WHERE tree_size = 5").update();
        jdbc.sql("DELETE FROM eventstore.audit_checkpoint WHERE tree_size = 5").update();
        events("case-a", 1);
        assertThat(notary.notarize()).isEmpty();
        assertThat(notary.refusal().map(Notary.Refusal::kind)).contains("checkpoint-gone");
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health/readiness", null).statusCode()).as("the API still serves").isEqualTo(200);
        assertThat(meters.get("jointops.notary.refusing").gauge().value()).isEqualTo(1.0);

        // and US-DEA's co-signer, shown checkpoint 3 as the newest, refuses the rollback: exit 1, state kept
        String state = Files.readString(dir.resolve("us-dea.state"));
        assertThat(cosigner()).startsWith("1 REFUSED (rollback): US-DEA does not sign checkpoint 3")
                .contains("smaller than the checkpoint US-DEA signed last (size 5");
        assertThat(Files.readString(dir.resolve("us-dea.state"))).isEqualTo(state);
    }

    private String cosigner(String... extra) {
        return cosignerWith("token", "us-dea.state", extra);
    }

    private String cosignerWith(String tokenFile, String stateFile, String... extra) {
        List<String> args = new ArrayList<>(List.of("--agency", "US-DEA", "--key", dir.resolve("us-dea.pem").toString(),
                "--state", dir.resolve(stateFile).toString(), "--api", "http://127.0.0.1:" + port,
                "--token-file", dir.resolve(tokenFile).toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = CoSignerCli.run(args.toArray(String[]::new), print, print);
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String tokenFile) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (tokenFile != null) {
            request.header("Authorization", "Bearer " + Files.readString(dir.resolve(tokenFile)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void events(String aggregate, int count) {
        long next = jdbc.sql("SELECT coalesce(max(sequence_number) + 1, 0) FROM eventstore.domain_event_entry"
                + " WHERE aggregate_identifier = ?").param(aggregate).query(Long.class).single();
        for (long sequence = next; sequence < next + count; sequence++) {
            jdbc.sql("""
                            INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier,
                                sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                            VALUES (?, ?, ?, 'JointCase', ?, 'io.jointops.api.cases.CaseNotedEvent', '1', ?, ?)""")
                    .params(UUID.randomUUID().toString(), aggregate, sequence, Instant.now().minusSeconds(5).toString(),
                            ("{\"note\":\"" + sequence + "\"}").getBytes(StandardCharsets.UTF_8),
                            "{\"agency\":\"CN-NNCC\"}".getBytes(StandardCharsets.UTF_8))
                    .update();
        }
    }

    private static String token(String user, String agency, String role) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject(UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString())
                    .claim("preferred_username", user).claim("agency", agency)
                    .claim("realm_access", Map.of("roles", List.of(role)))
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
            jwt.sign(new RSASSASigner(TOKENS.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
