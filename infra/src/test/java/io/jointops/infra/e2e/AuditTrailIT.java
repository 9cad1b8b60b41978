package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What auditors rely on, through the gateway with real tokens: the state of a case as of an instant, the global audit
 * query, a view replay by an operator, and a checkpoint-signed export that the offline verifier accepts.
 */
@ExtendWith(RunningPlatform.class)
class AuditTrailIT {

    static RunningPlatform.Gateway gateway;
    static String cn;
    static String us;
    static String auditor;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        cn = RunningPlatform.token("cn.investigator");
        us = RunningPlatform.token("us.investigator");
        auditor = RunningPlatform.token("auditor");
    }

    @Test
    void aCaseAsOfAnInstantIsItsStateThenAndPartnersDidNotSeeItBeforeTheyJoined() throws Exception {
        HttpResponse<String> created = openCase("audit-" + UUID.randomUUID());
        String location = created.headers().firstValue("Location").orElseThrow();
        // the id the gateway minted for the request, which every event it caused carries
        String correlationId = created.headers().firstValue("X-Correlation-Id").orElseThrow();
        Thread.sleep(50);
        Instant beforePartner = Instant.now();
        Thread.sleep(50);
        addUsDea(location);

        JsonNode then = RunningPlatform.json(gateway.get(location + "?asOf=" + beforePartner, cn));
        assertThat(then.path("version").asLong()).isZero();
        assertThat(then.path("partnerAgencies")).isEmpty();
        assertThat(gateway.get(location + "?asOf=" + beforePartner, us).statusCode()).isEqualTo(404);
        assertThat(RunningPlatform.json(gateway.get(location + "?asOf=" + Instant.now(), us))
                .path("partnerAgencies").toString()).contains("US-DEA");
        HttpResponse<String> malformed = gateway.get(location + "?asOf=yesterday", cn);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(RunningPlatform.json(malformed).path("errors").get(0).path("field").asText()).isEqualTo("asOf");

        HttpResponse<String> audit = gateway.get("/api/audit/events?correlationId=" + correlationId, auditor);
        assertThat(audit.statusCode()).isEqualTo(200);
        JsonNode events = RunningPlatform.json(audit).path("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("type").asText()).isEqualTo("CaseOpenedEvent");
        assertThat(events.get(0).path("itemId").asText()).isEqualTo(idOf(location));
        assertThat(events.get(0).path("actor").asText()).isEqualTo("cn.investigator");
        assertThat(gateway.get("/api/audit/events?correlationId=" + correlationId, cn).statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorReplaysTheCaseViewAndItComesBackTheSame() throws Exception {
        String location = openCase("replay-" + UUID.randomUUID()).headers().firstValue("Location").orElseThrow();
        addUsDea(location);
        String before = gateway.get(location, cn).body();
        String admin = RunningPlatform.token("admin");

        assertThat(gateway.post("/api/cases/admin/replays/case-view", cn, Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> started = gateway.post("/api/cases/admin/replays/case-view", admin, Map.of());
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode progress = RunningPlatform.json(started);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"done".equals(progress.path("state").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            progress = RunningPlatform.json(gateway.get("/api/cases/admin/replays/case-view", admin));
        }
        assertThat(progress.path("state").asText()).isEqualTo("done");
        assertThat(progress.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(progress.path("position").asLong()).isEqualTo(progress.path("headPosition").asLong());
        assertThat(RunningPlatform.parse(gateway.get(location, cn).body())).isEqualTo(RunningPlatform.parse(before));
    }

    @Test
    void anExportSignedByBothAgenciesVerifiesOffline() throws Exception {
        openCase("export-" + UUID.randomUUID());

        // the notary takes new events into the tree every 10 s and both agencies sign; a position left empty by a
        // rolled-back insert holds newer events back for the storage engine's gap timeout, so the test exports what
        // the newest complete checkpoint covers rather than waiting for its own events
        JsonNode checkpoint = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (checkpoint == null && Instant.now().isBefore(deadline)) {
            JsonNode checkpoints = RunningPlatform.json(gateway.get("/api/audit/checkpoints", auditor));
            for (JsonNode candidate : checkpoints) {
                if (candidate.path("complete").asBoolean()) {
                    checkpoint = candidate;
                    break;
                }
            }
            if (checkpoint == null) {
                Thread.sleep(1000);
            }
        }
        assertThat(checkpoint).as("a checkpoint signed by every participating agency").isNotNull();
        assertThat(checkpoint.path("agencies").toString()).contains("CN-NNCC", "US-DEA");
        long lastPosition = checkpoint.path("lastPosition").asLong();
        String range = "/api/audit/export?fromPosition=1&toPosition=" + lastPosition
                + "&treeSize=" + checkpoint.path("treeSize").asLong();

        assertThat(gateway.get(range, us).statusCode()).isEqualTo(403);
        HttpResponse<String> export = gateway.get(range, auditor);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        Path bundle = Files.createTempFile("jointops-bundle", ".json");
        Files.writeString(bundle, export.body());

        // the auditor's trust policy: the log's origin and the agencies' own public keys (the launcher writes the
        // development keys' public halves beside them), never the keys the bundle carries
        Path keys = RunningPlatform.platform().options().workDir().resolve("keys");
        String output = verifier("--origin", "jointops", "--key", "CN-NNCC=" + keys.resolve("cn-nncc.pub.pem"),
                "--key", "US-DEA=" + keys.resolve("us-dea.pub.pem"), bundle.toString());
        assertThat(output).startsWith("0 OK: ").contains("signed by CN-NNCC, US-DEA (policy: all of CN-NNCC, US-DEA)");
        assertThat(verifier(bundle.toString())).as("without a policy").startsWith("2 no trust policy")
                .doesNotContain("OK:");
    }

    /** Runs the standalone verifier jar; its exit status, a space, and what it printed. */
    private static String verifier(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                RunningPlatform.platform().options().root().resolve("audit/target/audit-verifier.jar").toString()));
        command.addAll(List.of(args));
        Process verifier = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return verifier.waitFor() + " " + output;
    }

    /** Opens a case with the client's own correlation id; the answer carries the one the gateway minted. */
    private static HttpResponse<String> openCase(String clientCorrelationId) {
        HttpResponse<String> created = RunningPlatform.send(HttpRequest.newBuilder(gateway.uri("/api/cases"))
                .header("Authorization", "Bearer " + cn)
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", clientCorrelationId)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Audited\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .build());
        assertThat(created.statusCode()).isEqualTo(201);
        return created;
    }

    private static void addUsDea(String location) {
        // a supervisor of the lead agency adds partners (issue 15: not any investigator of it)
        assertThat(gateway.post(location + "/partners", RunningPlatform.token("cn.supervisor"), Map.of("agency", "US-DEA"))
                .statusCode()).isEqualTo(200);
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

}
