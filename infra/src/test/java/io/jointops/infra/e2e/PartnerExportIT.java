package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a partner agency takes home a verifiable bundle of a case it sees, through the gateway with real tokens:
 * US-DEA's export of CN-NNCC's case verifies offline with the verifier jar under the agencies' keys, with CN-NNCC's
 * TLP:RED note hash-only and none of its text; an agency the case is not visible to gets 404.
 */
@ExtendWith(RunningPlatform.class)
class PartnerExportIT {

    static RunningPlatform.Gateway gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aPartnerExportsACaseWithTheNotesItMayNotSeeHashOnlyAndItVerifiesOffline() throws Exception {
        String cn = RunningPlatform.token("cn.supervisor");
        String us = RunningPlatform.token("us.investigator");
        String secret = "NIGHTHAWK-" + System.nanoTime();
        HttpResponse<String> opened = gateway.post("/api/cases", cn, Map.of("title", "Operation Osprey",
                "partnerAgencies", List.of("US-DEA"), "tlp", "TLP:AMBER", "handlingCode", "H1"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(gateway.post(location + "/notes", cn, Map.of("text", "informant: " + secret, "tlp", "TLP:RED"))
                .statusCode()).isEqualTo(201);

        // the notary takes events in every 10 s and both agencies sign; a rolled-back insert elsewhere can hold the
        // tree back for the storage engine's gap timeout (60 s): until then the export answers 404, and a checkpoint
        // signed between the two commands covers the opening only (the note counted in eventsAfterCheckpoint)
        HttpResponse<String> export = gateway.get(location + "/export", us);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while ((export.statusCode() == 404 || RunningPlatform.parse(export.body()).path("eventsAfterCheckpoint").asLong() > 0)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
            export = gateway.get(location + "/export", us);
        }
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        JsonNode bundle = RunningPlatform.parse(export.body());
        assertThat(bundle.path("eventsAfterCheckpoint").asLong()).as("events not covered yet").isZero();
        assertThat(bundle.path("events")).hasSize(2);
        assertThat(bundle.path("events").get(1).path("withheld").asBoolean()).isTrue();
        assertThat(readable(export.body(), bundle)).doesNotContain(secret);
        // what the partner sees is there, its personal fields as ciphertext only (issue 18, docs/privacy.md)
        assertThat(payload(bundle, 0).path("title").has("$personal")).as("the title, encrypted").isTrue();
        assertThat(readable(export.body(), bundle)).doesNotContain("Operation Osprey");

        Path file = Files.createTempFile("partner-bundle", ".json");
        Files.writeString(file, export.body());
        Path keys = RunningPlatform.platform().options().workDir().resolve("keys");
        assertThat(verifier("--origin", "jointops", "--key", "CN-NNCC=" + keys.resolve("cn-nncc.pub.pem"),
                "--key", "US-DEA=" + keys.resolve("us-dea.pub.pem"), file.toString()))
                .startsWith("0 OK: 2 events (1 withheld: content hash only) of item " + idOf(location))
                .contains("signed by CN-NNCC, US-DEA (policy: all of CN-NNCC, US-DEA)")
                .contains("; 2 personal fields encrypted, 0 of them erased (key destroyed)");

        // the lead agency's own export carries its note (encrypted); an agency the case is not visible to gets 404
        HttpResponse<String> own = gateway.get(location + "/export", cn);
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode ownBundle = RunningPlatform.parse(own.body());
        assertThat(ownBundle.path("events").get(1).path("withheld").asBoolean()).as("its note, in full").isFalse();
        assertThat(payload(ownBundle, 1).path("text").has("$personal")).as("the note's text, encrypted").isTrue();
        assertThat(readable(own.body(), ownBundle)).doesNotContain(secret);
        HttpResponse<String> outsider = gateway.get(location + "/export", RunningPlatform.token("mx.investigator"));
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(outsider.body()).doesNotContain(secret).doesNotContain("Osprey");
    }

    /** The answer and every payload it carries, decoded (payloads travel as base64). */
    private static String readable(String body, JsonNode bundle) {
        List<String> parts = new ArrayList<>(List.of(body));
        for (JsonNode entry : bundle.path("events")) {
            for (String field : List.of("payload", "metaData")) {
                JsonNode value = entry.path("event").path(field);
                if (value.isTextual()) {
                    parts.add(new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8));
                }
            }
        }
        return String.join("\n", parts);
    }

    /** The payload of the bundle's {@code index}th event, decoded. */
    private static JsonNode payload(JsonNode bundle, int index) {
        return RunningPlatform.parse(new String(Base64.getDecoder().decode(
                bundle.path("events").get(index).path("event").path("payload").asText()), StandardCharsets.UTF_8));
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

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
