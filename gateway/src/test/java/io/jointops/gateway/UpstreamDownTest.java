package io.jointops.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON;

/**
 * When a service is down, callers get a 503 problem with Retry-After; when it drops the connection before answering
 * (killed mid-request), a 502 problem; never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
class UpstreamDownTest {

    private static final TestTokens tokens = new TestTokens();
    private static final StubServices keycloak = startStub();
    private static final HangingUp hangingUp = new HangingUp();

    /** Reads a request, then resets the connection without a word, like a service killed mid-request. */
    static final class HangingUp implements AutoCloseable {
        final ServerSocket socket;

        HangingUp() {
            try {
                socket = new ServerSocket(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connection.getInputStream().read(new byte[8192]);
                        connection.setSoLinger(true, 0); // RST, not FIN
                    } catch (IOException e) {
                        // closed at the end of the test
                    }
                }
            }, "hanging-up");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Autowired
    private WebTestClient client;

    private static StubServices startStub() {
        try {
            StubServices services = new StubServices(tokens.key());
            tokens.issuer(services.issuer());
            return services;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void routesToNowhere(DynamicPropertyRegistry registry) {
        String nowhere = "http://127.0.0.1:" + closedPort();
        registry.add("jointops.issuer-uri", keycloak::issuer);
        registry.add("jointops.routes.cases", () -> nowhere);
        registry.add("jointops.routes.intel", () -> "http://127.0.0.1:" + hangingUp.socket.getLocalPort());
        registry.add("jointops.routes.finance", () -> nowhere);
        registry.add("jointops.routes.chemicals", () -> nowhere);
    }

    @AfterAll
    static void stop() throws IOException {
        keycloak.close();
        hangingUp.close();
    }

    @Test
    void aServiceThatIsDownGives503ProblemWithRetryAfter() {
        client.get().uri("/api/cases/c-1").headers(h -> h.setBearerAuth(tokens.forRoles("investigator"))).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
    }

    @Test
    void aServiceThatDropsTheConnectionBeforeAnsweringGives502Problem() {
        client.post().uri("/api/intel/reports").headers(h -> h.setBearerAuth(tokens.forRoles("analyst")))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"t\"}").exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(502).jsonPath("$.detail").isNotEmpty();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
