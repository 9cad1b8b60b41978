package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP semantics the services promise, through the gateway with real Keycloak tokens (issue 15, part 5):
 * <ul>
 * <li>{@code Idempotency-Key} on a create of every service: the same caller's retry with the same key and body is
 *     answered with the first item (201, same Location, {@code Idempotent-Replayed: true}) and stores no event; the
 *     same key with another body is a 422 problem naming the header; a malformed key a 400 problem naming it; another
 *     caller's same key creates an item of its own, and that caller cannot read the first one;</li>
 * <li>a chunked body above a service's size limit (below the gateway's) is a 413 problem from the service;</li>
 * <li>nothing a refused request asked for is stored: no event carries its correlation id.</li>
 * </ul>
 */
@ExtendWith(RunningPlatform.class)
class HttpSemanticsIT {

    static final String RUN = "hs-" + UUID.randomUUID().toString().substring(0, 8);
    static RunningPlatform.Gateway gateway;

    /** A create of one service: who creates, with which body and another, and a caller of another agency. */
    record Create(String service, String path, String user, String otherAgencyUser, String body, String otherBody) {
    }

    static List<Create> creates() {
        String today = LocalDate.now().toString();
        return List.of(
                new Create("cases", "/api/cases", "cn.investigator", "us.investigator",
                        "{\"title\":\"Keyed " + RUN + "\",\"tlp\":\"TLP:GREEN\",\"handlingCode\":\"H0\"}",
                        "{\"title\":\"Keyed " + RUN + "\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H0\"}"),
                new Create("intel", "/api/intel/reports", "cn.investigator", "us.investigator",
                        "{\"title\":\"Keyed " + RUN + "\",\"category\":\"ORGANISED_CRIME_GROUP\",\"sourceReliability\":\"B\","
                                + "\"informationCredibility\":2,\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H2\"}",
                        "{\"title\":\"Keyed " + RUN + "\",\"category\":\"ORGANISED_CRIME_GROUP\",\"sourceReliability\":\"C\","
                                + "\"informationCredibility\":2,\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H2\"}"),
                new Create("finance", "/api/finance/assets", "us.finance", "cn.finance",
                        "{\"caseId\":\"case-" + RUN + "\",\"category\":\"VEHICLE\",\"description\":\"Keyed\","
                                + "\"identifier\":\"VIN-" + RUN + "\",\"country\":\"US\",\"estimatedValue\":95000,"
                                + "\"currency\":\"USD\",\"releasedTo\":[],\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H2\"}",
                        "{\"caseId\":\"case-" + RUN + "\",\"category\":\"VEHICLE\",\"description\":\"Keyed\","
                                + "\"identifier\":\"VIN-" + RUN + "\",\"country\":\"US\",\"estimatedValue\":96000,"
                                + "\"currency\":\"USD\",\"releasedTo\":[],\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H2\"}"),
                new Create("chemicals", "/api/chemicals/incidents", "cn.chemical", "us.chemical",
                        "{\"type\":\"SEIZURE\",\"substanceName\":\"Acetone\",\"casNumber\":\"67-64-1\",\"quantity\":20,"
                                + "\"unit\":\"L\",\"place\":\"Ningbo " + RUN + "\",\"country\":\"CN\",\"occurredOn\":\""
                                + today + "\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}",
                        "{\"type\":\"SEIZURE\",\"substanceName\":\"Acetone\",\"casNumber\":\"67-64-1\",\"quantity\":21,"
                                + "\"unit\":\"L\",\"place\":\"Ningbo " + RUN + "\",\"country\":\"CN\",\"occurredOn\":\""
                                + today + "\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"));
    }

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aCreateOfEveryServiceHonoursIdempotencyKeyPerCaller() throws Exception {
        List<String> refused = new ArrayList<>();
        for (Create create : creates()) {
            String token = RunningPlatform.token(create.user());
            String key = RUN + "-" + create.service();

            HttpResponse<String> first = post(create.path(), token, key, create.body());
            assertThat(first.statusCode()).as(create + ": " + first.body()).isEqualTo(201);
            assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
            String location = first.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            long events = eventsOf(id);
            assertThat(events).as(create.service()).isPositive();

            // the retry: the same answer, nothing stored
            HttpResponse<String> retry = post(create.path(), token, key, create.body());
            assertThat(retry.statusCode()).as(create + ": " + retry.body()).isEqualTo(201);
            assertThat(retry.headers().firstValue("Location")).contains(location);
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(RunningPlatform.json(retry).path("id").asText()).isEqualTo(id);

            // the same key with another body, or a malformed key: problems naming the header, nothing stored
            HttpResponse<String> otherBody = post(create.path(), token, key, create.otherBody());
            assertProblem(otherBody, 422, create.service());
            assertThat(RunningPlatform.json(otherBody).path("field").asText()).isEqualTo("Idempotency-Key");
            HttpResponse<String> malformed = post(create.path(), token, "no good", create.body());
            assertProblem(malformed, 400, create.service());
            assertThat(RunningPlatform.json(malformed).path("errors").get(0).path("field").asText())
                    .isEqualTo("Idempotency-Key");
            assertThat(eventsOf(id)).as(create.service() + ": the item's events").isEqualTo(events);
            refused.add(correlationId(otherBody));
            refused.add(correlationId(malformed));

            // another agency's caller with the same key and body: an item of its own; the first stays hidden from it
            String otherToken = RunningPlatform.token(create.otherAgencyUser());
            HttpResponse<String> others = post(create.path(), otherToken, key, create.body());
            assertThat(others.statusCode()).as(create + ": " + others.body()).isEqualTo(201);
            assertThat(others.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(others.headers().firstValue("Location")).isPresent().get().isNotEqualTo(location);
            assertThat(gateway.get(location, otherToken).statusCode()).as(create.service()).isEqualTo(404);
        }
        assertThat(eventsCarrying(refused)).as("events of the refused requests").isZero();
    }

    @Test
    void aChunkedBodyAboveAServicesLimitIsA413ProblemAndStoresNothing() throws Exception {
        // above case-service's 1 MB, below the gateway's 16 MB: the service counts the chunks as it reads them
        String padding = "x".repeat(1_200_000);
        byte[] body = ("{\"title\":\"Oversized " + RUN + "\",\"summary\":\"" + padding
                + "\",\"tlp\":\"TLP:GREEN\",\"handlingCode\":\"H0\"}").getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        RawAnswer answer = chunked("/api/cases", RunningPlatform.token("cn.investigator"), body);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.headers().get("content-type")).as(answer.text()).startsWith("application/problem+json");
        JsonNode problem = RunningPlatform.parse(new String(answer.body(), StandardCharsets.UTF_8));
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("maxBytes").asLong()).isEqualTo(1024 * 1024);
        String correlationId = answer.headers().get("x-correlation-id");
        assertThat(correlationId).as(answer.text()).isNotBlank();
        assertThat(eventsCarrying(List.of(correlationId))).isZero();
    }

    // --- requests

    private static HttpResponse<String> post(String path, String token, String key, String body) {
        return RunningPlatform.send(HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what).get().asString()
                .startsWith("application/problem+json");
        assertThat(RunningPlatform.json(response).path("status").asInt()).isEqualTo(status);
    }

    private static String correlationId(HttpResponse<String> response) {
        return response.headers().firstValue("X-Correlation-Id").orElseThrow(
                () -> new AssertionError("no X-Correlation-Id on " + response.uri() + ": " + response.headers().map()));
    }

    /** One HTTP/1.1 answer read off a socket. */
    record RawAnswer(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return status + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** POSTs {@code body} to the gateway in chunks of 64 KiB, without a Content-Length. */
    private static RawAnswer chunked(String path, String token, byte[] body) throws IOException {
        URI base = gateway.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nAccept: application/json"
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                for (int offset = 0; offset < body.length; offset += 65_536) {
                    int length = Math.min(65_536, body.length - offset);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, offset, length);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException refusedEarly) {
                // the answer may come (and the connection close) before the whole body is sent: read it all the same
            }
            return read(socket.getInputStream());
        }
    }

    private static RawAnswer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the answer's headers ended: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int length; (length = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; line(in)) {
                body.write(in.readNBytes(length));
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    // --- the event store

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(RunningPlatform.platform().jdbcUrl(),
                RunningPlatform.platform().options().dbUser(), RunningPlatform.platform().options().dbPassword());
    }

    private static long eventsOf(String aggregateId) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long eventsCarrying(List<String> correlationIds) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM eventstore.domain_event_entry"
                        + " WHERE eventstore.event_meta(meta_data, 'correlationId') = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", correlationIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
