package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: evidence files through the gateway with real tokens. CN-NNCC adds a seizure report to a case (larger than
 * the gateway's 16 MB limit for other bodies: the upload route takes the largest evidence file); US-DEA gets 404 until
 * the case is released to it, then downloads it whole and by range; MX-FGR never sees it; the custody history names
 * each step; a PNG declared a PDF is a 422 and a text over its limit a 413 (declared or streamed chunked); a byte
 * changed in the stored chunks is refused on download with a 409 and recorded, and the offline verifier proves the
 * original file is the one the case's events logged, and refuses the altered one.
 */
@ExtendWith(RunningPlatform.class)
class EvidenceIT {

    static RunningPlatform.Gateway gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aCaseFileGoesToThePartnerWithItsCustodyAndATamperedCopyIsCaught() throws Exception {
        String cn = RunningPlatform.token("cn.supervisor");
        String us = RunningPlatform.token("us.investigator");
        String mx = RunningPlatform.token("mx.investigator");
        HttpResponse<String> opened = gateway.post("/api/cases", cn, Map.of("title", "Operation Heron",
                "partnerAgencies", List.of(), "tlp", "TLP:AMBER", "handlingCode", "H1"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String item = opened.headers().firstValue("Location").orElseThrow();

        // 17 MB: more than any other body the gateway lets through
        byte[] report = pdf(17 * 1024 * 1024);
        String sha256 = sha256(report);
        HttpResponse<String> added = upload(item, cn, "application/pdf", report, "seizure report 缉获报告.pdf", true);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
        JsonNode file = RunningPlatform.json(added);
        assertThat(file.path("sha256").asText()).isEqualTo(sha256);
        assertThat(file.path("size").asLong()).isEqualTo(report.length);
        String location = added.headers().firstValue("Location").orElseThrow();

        // not released to US-DEA yet: exactly as if there were no such file
        HttpResponse<byte[]> hidden = download(location, us, null);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(new String(hidden.body(), StandardCharsets.UTF_8)).doesNotContain("seizure");
        HttpResponse<String> partner = gateway.send("POST", item + "/partners", cn, Map.of("agency", "US-DEA"));
        assertThat(partner.statusCode()).as(partner.body()).isIn(200, 202);

        HttpResponse<byte[]> whole = download(location, us, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(sha256(whole.body())).isEqualTo(sha256);
        assertThat(whole.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
        assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"seizure report ____.pdf\"; filename*=UTF-8''seizure%20report%20");
        HttpResponse<byte[]> range = download(location, us, "bytes=1000-1999");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(report, 1000, 2000));
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 1000-1999/" + report.length);
        assertThat(download(location, mx, null).statusCode()).isEqualTo(404);
        assertThat(gateway.get(location + "/custody", mx).statusCode()).isEqualTo(404);

        JsonNode custody = custody(location, us, 4);
        assertThat(actions(custody)).containsExactly("ADDED", "SHARED", "DOWNLOADED", "DOWNLOADED");
        assertThat(custody.get(0).path("by").asText()).isEqualTo("cn.supervisor");
        assertThat(custody.get(1).path("sharedWith").toString()).isEqualTo("[\"US-DEA\"]");
        assertThat(custody.get(3).path("agency").asText()).isEqualTo("US-DEA");
        assertThat(custody.get(3).path("range").asText()).isEqualTo("bytes=1000-1999");

        // the bytes must be of the declared type; text has a 10 MB limit, declared or streamed
        HttpResponse<String> mismatch = upload(item, cn, "application/pdf", png(), "photo.pdf", true);
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(RunningPlatform.json(mismatch).path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
        byte[] text = "amount;account\n".repeat(700_000).getBytes(StandardCharsets.US_ASCII); // 10.5 MB
        for (boolean declared : List.of(true, false)) {
            HttpResponse<String> large = upload(item, cn, "text/plain", text, "ledger.txt", declared);
            assertThat(large.statusCode()).as("declared length: " + declared + " " + large.body()).isEqualTo(413);
            assertThat(large.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(RunningPlatform.json(gateway.get(item + "/evidence", cn))).hasSize(1);

        // the case's bundle, as the partner takes it home, once the notary has covered the file's events
        Path bundle = Files.createTempFile("evidence-bundle", ".json");
        Files.writeString(bundle, exported(item, us));
        Path original = Files.createTempFile("seizure-report", ".pdf");
        Files.write(original, report);
        assertThat(verifier(bundle, original)).startsWith("0 OK").contains("FILE " + original + ": SHA-256 " + sha256
                + " is evidence file " + idOf(location));

        // someone with access to the database changes one byte of the 40th stored chunk
        try (Connection db = DriverManager.getConnection(RunningPlatform.platform().jdbcUrl(),
                RunningPlatform.platform().options().dbUser(), RunningPlatform.platform().options().dbPassword());
             PreparedStatement tamper = db.prepareStatement("""
                     UPDATE cases.evidence_chunk SET data = overlay(data PLACING '\\x00'::bytea FROM 100)
                      WHERE seq = 40 AND upload_id = (SELECT upload_id FROM cases.evidence_blob WHERE sha256 = ?)""")) {
            tamper.setString(1, sha256);
            assertThat(tamper.executeUpdate()).isEqualTo(1);
        }
        HttpResponse<byte[]> refused = download(location, us, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains(sha256);
        JsonNode failed = custody(location, cn, 5).get(4);
        assertThat(failed.path("action").asText()).isEqualTo("INTEGRITY_FAILED");
        assertThat(failed.path("chunk").asInt()).isEqualTo(40);
        // a copy with that byte changed is not the file the case's events logged
        byte[] altered = report.clone();
        altered[40 * 256 * 1024 + 99] = 0;
        Path copy = Files.createTempFile("seizure-report-altered", ".pdf");
        Files.write(copy, altered);
        assertThat(verifier(bundle, copy)).startsWith("1 ").contains("FAILED").contains("not a file the bundle's events logged");
    }

    private static HttpResponse<String> upload(String item, String token, String type, byte[] body, String name,
                                               boolean declaredLength) {
        String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&reason="
                + URLEncoder.encode("seized at Ningbo port, 2026-11-28", StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = declaredLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                // no length known: sent chunked
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        return RunningPlatform.send(HttpRequest.newBuilder(gateway.uri(item + "/evidence" + query))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token)
                .header("Content-Type", type).POST(publisher).build());
    }

    private static HttpResponse<byte[]> download(String location, String token, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(location + "/content"))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token);
        if (range != null) {
            request.header("Range", range);
        }
        return RunningPlatform.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The file's custody once it has {@code entries} entries (reads are recorded just after they are answered). */
    private static JsonNode custody(String location, String token, int entries) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        JsonNode items;
        do {
            HttpResponse<String> answer = gateway.get(location + "/custody", token);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            items = RunningPlatform.json(answer).path("items");
            if (items.size() >= entries) {
                return items;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return items;
    }

    /** The partner's export of the case once the notary's checkpoint covers its events. */
    private static String exported(String item, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while (true) {
            HttpResponse<String> export = gateway.get(item + "/export", token);
            if (export.statusCode() == 200 && RunningPlatform.json(export).path("eventsAfterCheckpoint").asLong() == 0) {
                return export.body();
            }
            assertThat(Instant.now()).as(export.statusCode() + " " + export.body()).isBefore(deadline);
            Thread.sleep(2000);
        }
    }

    /** The offline verifier jar with the agencies' keys and one handed-over file: exit status, space, output. */
    private static String verifier(Path bundle, Path file) throws Exception {
        Path keys = RunningPlatform.platform().options().workDir().resolve("keys");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                RunningPlatform.platform().options().root().resolve("audit/target/audit-verifier.jar").toString(),
                "--origin", "jointops", "--key", "CN-NNCC=" + keys.resolve("cn-nncc.pub.pem"),
                "--key", "US-DEA=" + keys.resolve("us-dea.pub.pem"), "--file", file.toString(), bundle.toString()));
        Process verifier = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return verifier.waitFor() + " " + output;
    }

    private static List<String> actions(JsonNode custody) {
        List<String> actions = new ArrayList<>();
        custody.forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }

    /** A PDF of {@code size} bytes: the signature, a body of varied bytes, the end marker. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 11));
        }
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    private static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
