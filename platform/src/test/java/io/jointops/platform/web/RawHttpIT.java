package io.jointops.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.security.Caller;
import io.jointops.platform.test.TestService;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTTP against a service built on the platform (every auto-configuration, Tomcat on a real port, a real
 * PostgreSQL): what reaches it as bytes on a socket, not as MockMvc's already parsed requests.
 * <ul>
 * <li>Body limits: a declared body above {@code jointops.max-request-size} is refused unread; a chunked one (no
 *     Content-Length) is refused once its bytes pass the limit, without waiting for its end; both 413 problems, and
 *     the handler never sees them.</li>
 * <li>Every error a problem: request targets that Tomcat or Spring Security's firewall refuse (encoded slash or
 *     backslash, NUL, path parameters, dot segments, bad encodings), requests Tomcat cannot parse, unknown routes,
 *     methods, media types: each an {@code application/problem+json} answer with its 4xx, never HTML or a 500.</li>
 * </ul>
 */
@SpringBootTest(classes = RawHttpIT.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=probe-service", "jointops.schema=probe", "jointops.api-path=/api/probes",
                "jointops.max-request-size=64KB"})
@DirtiesContext
class RawHttpIT {

    static final String TOKEN = "probe-token";
    static final int LIMIT = 64 * 1024;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Probes.class)
    static class Service {

        /** One token, shaped as the realm's: the tests are about what happens after authentication. */
        @Bean
        JwtDecoder probeTokens() {
            return token -> {
                if (!TOKEN.equals(token)) {
                    throw new BadJwtException("unknown token");
                }
                return Jwt.withTokenValue(token).header("alg", "none").subject("u-probe")
                        .claim("preferred_username", "probe").claim("agency", "CN-NNCC")
                        .claim("realm_access", Map.of("roles", List.of("investigator")))
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)).build();
            };
        }
    }

    @RestController
    static class Probes {
        static final AtomicInteger bodiesTaken = new AtomicInteger();

        @PostMapping("/api/probes")
        Map<String, Object> take(Caller caller, @RequestBody Map<String, Object> body) {
            bodiesTaken.incrementAndGet();
            return Map.of("members", body.size(), "agency", caller.agency());
        }

        /** Whether a filter looked this request's handler up before Spring MVC did (it leaves its result here). */
        @GetMapping("/api/probes/lookups")
        Map<String, Object> lookups(HttpServletRequest request) {
            boolean cached = Collections.list(request.getAttributeNames()).stream()
                    .anyMatch(name -> name.startsWith(HandlerMappingIntrospector.class.getName()));
            return Map.of("handlerLookedUpBefore", cached);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "probe-service");
    }

    @LocalServerPort
    int port;


    // --- body limits

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        int before = Probes.bodiesTaken.get();
        Answer answer = chunked("/api/probes", json(LIMIT - 1024), true);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("members").asInt()).isEqualTo(1);
        assertThat(Probes.bodiesTaken.get()).isEqualTo(before + 1);
    }

    @Test
    void aDeclaredBodyAboveTheLimitIsRefusedUnread() throws Exception {
        int before = Probes.bodiesTaken.get();
        // the body is never sent: the answer comes from the headers alone
        Answer answer = send("POST /api/probes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n", null);
        assertProblem(answer, 413);
        assertThat(answer.json().path("maxBytes").asLong()).isEqualTo(LIMIT);
        assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
        assertThat(Probes.bodiesTaken.get()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimitWithoutWaitingForItsEnd() throws Exception {
        int before = Probes.bodiesTaken.get();
        // the last chunk is never sent: a filter that read the whole body first would never answer
        long start = System.nanoTime();
        Answer answer = chunked("/api/probes", json(LIMIT + 4096), false);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertProblem(answer, 413);
        assertThat(answer.json().path("detail").asText()).contains(LIMIT + " bytes");
        assertThat(Probes.bodiesTaken.get()).isEqualTo(before);
    }

    // --- every error a problem

    /** Request targets Tomcat or Spring Security's firewall refuse: a 400 problem each, never HTML, never a 500. */
    @Test
    void aRefusedRequestTargetIsA400Problem() throws Exception {
        List<String> targets = List.of(
                "/api/probes/a%2Fb",            // encoded slash
                "/api/probes/a%2fb",
                "/api/probes/a%5Cb",            // encoded backslash
                "/api/probes/a%00b",            // NUL
                "/api/probes;jsessionid=x",     // path parameters
                "/api/probes/x;a=b/y",
                "/api/probes/../probes",        // dot segments
                "/api/probes/%2e%2e/probes",
                "/api/probes/./x",
                "/../../etc/passwd",            // above the root
                "/api/probes//x",               // empty segment
                "/api/probes/a%zzb",            // invalid percent-encoding
                "/api/probes/a%",
                "/api/probes/a\\b",             // raw backslash
                "/api/probes/a|b",              // characters RFC 3986 does not allow in a path
                "/api/probes/a{b}",
                "/api/probes/%c0%af");          // overlong UTF-8 of '/'
        for (String target : targets) {
            for (boolean withToken : new boolean[] {true, false}) {
                Answer answer = get(target, withToken ? TOKEN : null, "application/json");
                assertProblem(answer, 400, target + (withToken ? "" : " (no token)"));
            }
        }
    }

    /**
     * The paths open without a token are open exactly as their patterns say, nothing next to, under or around them;
     * and they are matched by path pattern inside Spring Security's own chain, with no Spring MVC handler look-up
     * wrapped around it (SecurityConfiguration).
     */
    @Test
    void onlyTheOpenPathsAnswerWithoutAToken() throws Exception {
        assertThat(get("/actuator/health", null, "application/json").status()).isEqualTo(200);
        for (String target : List.of("/api/probes", "/actuator", "/actuator/env", "/actuator/healthz",
                "/actuator/health-x", "/ACTUATOR/health", "/api/probes/actuator/health", "/v3/api-docsx",
                "/api/v3/api-docs", "/member-capabilitiesx", "/spring-command-bus-connectorx")) {
            assertProblem(get(target, null, "application/json"), 401, target + " (no token)");
        }
        Answer probe = get("/api/probes/lookups", TOKEN, "application/json");
        assertThat(probe.status()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(probe.body()).path("handlerLookedUpBefore").asBoolean(true))
                .as("the request reached its handler with Spring MVC's handler look-up cached around Spring Security")
                .isFalse();
    }

    /**
     * A JSON answer goes out with its length, not chunked (SizedJsonConverter): a chunked one cost the service a
     * second write and the gateway a second read and write. Both an answer and a problem.
     */
    @Test
    void jsonAnswersCarryTheirLengthAndAreNotChunked() throws Exception {
        Map<Answer, Integer> answers = Map.of(
                get("/api/probes/lookups", TOKEN, "application/json"), 200,
                send("POST /api/probes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n",
                        "{}".getBytes(StandardCharsets.US_ASCII)), 200,
                get("/api/nothing-here", TOKEN, "application/json"), 404);
        for (Map.Entry<Answer, Integer> expected : answers.entrySet()) {
            Answer answer = expected.getKey();
            assertThat(answer.status()).isEqualTo(expected.getValue());
            assertThat(answer.headers().get("transfer-encoding")).as(new String(answer.body())).isNull();
            assertThat(answer.headers().get("content-length")).isEqualTo(Integer.toString(answer.body().length));
            assertThat(answer.body().length).isGreaterThan(2);
        }
    }

    /** A request Tomcat cannot even parse: a 400 problem, not Tomcat's HTML page. */
    @Test
    void anUnparseableRequestIsA400Problem() throws Exception {
        assertProblem(send("GET /api/probes HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "h".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n", null), 400, "oversized header");
        assertProblem(send("GET /api/probes HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n",
                null), 400, "malformed header");
        assertProblem(send("GET /api/pro bes HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null),
                400, "space in the target");
    }

    /** Routes that do not exist, methods and media types the route does not take: problems, whatever the client accepts. */
    @Test
    void unknownRoutesMethodsAndMediaTypesAreProblems() throws Exception {
        for (String accept : new String[] {"application/json", "text/html", "*/*"}) {
            assertProblem(get("/api/nothing-here", TOKEN, accept), 404, "unknown route, Accept " + accept);
            assertProblem(get("/nothing-here", TOKEN, accept), 404, "unknown route outside /api, Accept " + accept);
            assertProblem(get("/error", TOKEN, accept), 404, "the error page itself, Accept " + accept);
        }
        assertProblem(get("/api/nothing-here", null, "text/html"), 401, "unknown route without a token");
        assertProblem(send("DELETE /api/probes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nConnection: close\r\n\r\n", null), 405, "method");
        byte[] text = "hello".getBytes(StandardCharsets.US_ASCII);
        assertProblem(send("POST /api/probes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\n", text), 415, "media type");
        byte[] json = "{}".getBytes(StandardCharsets.US_ASCII);
        assertProblem(send("POST /api/probes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nAccept: application/xml\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n", json), 406, "not acceptable");
    }

    // --- raw HTTP

    private Answer get(String target, String token, String accept) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Accept: " + accept + "\r\nConnection: close\r\n\r\n", null);
    }

    private static byte[] json(int size) {
        String padding = "x".repeat(size - 12);
        return ("{\"pad\":\"" + padding + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    /** POSTs {@code body} in chunks of 4 KiB; with {@code finish} false the last chunk is never sent. */
    private Answer chunked(String path, byte[] body, boolean finish) throws IOException {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int offset = 0; offset < body.length; offset += 4096) {
            int length = Math.min(4096, body.length - offset);
            chunks.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(body, offset, length);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (finish) {
            chunks.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunks.toByteArray());
    }

    /** Sends the request's bytes as given and reads the one answer (the connection is not used again). */
    Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return Answer.read(socket.getInputStream());
        }
    }

    static void assertProblem(Answer answer, int status) throws IOException {
        assertProblem(answer, status, "");
    }

    static void assertProblem(Answer answer, int status, String what) throws IOException {
        String as = what + ": " + answer.text();
        assertThat(answer.status()).as(as).isEqualTo(status);
        assertThat(answer.header("content-type")).as(as).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).as(as).isEqualTo(status);
        assertThat(answer.json().path("title").asText()).as(as).isNotBlank();
    }

    /** One HTTP/1.1 response as read from the socket: status, headers (lower-case names), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before the answer's headers ended: " + head);
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = readToEnd(in);
            }
            return new Answer(status, headers, body);
        }

        private static byte[] dechunk(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    line(in);
                    return body.toByteArray();
                }
                body.write(in.readNBytes(length));
                line(in);
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static byte[] readToEnd(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                body.write(buffer, 0, read);
            }
            return body.toByteArray();
        }

        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return status + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }
}
