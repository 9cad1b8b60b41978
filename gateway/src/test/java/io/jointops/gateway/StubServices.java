package io.jointops.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One loopback HTTP server standing in for all four services and for Keycloak's discovery and key
 * endpoints, so the gateway's production token validation (issuer-uri) runs unchanged in tests.
 */
final class StubServices implements AutoCloseable {

    static final String REALM_PATH = "/realms/jointops";
    static final String SLOW_PATH = "/api/cases/slow";
    static final long SLOW_MILLIS = 2_500;

    /** What a service received from the gateway: a whole request, its body read to the end as a service does. */
    record Received(String method, String path, Headers headers, int bodyLength) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StubServices(RSAKey signingKey) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String jwks = new JWKSet(signingKey.toPublicJWK()).toString();
        server.createContext(REALM_PATH + "/.well-known/openid-configuration", exchange -> respond(exchange, """
                {"issuer":"%s","jwks_uri":"%s"}""".formatted(issuer(), issuer() + "/protocol/openid-connect/certs")));
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> respond(exchange, jwks));
        // a service slower than the gateway's slow-request threshold in GatewayTest
        server.createContext(SLOW_PATH, exchange -> {
            sleep(SLOW_MILLIS);
            respond(exchange, "{\"stub\":\"slow\"}");
        });
        server.createContext("/", exchange -> {
            // a request whose body breaks off (the gateway gave up on it) throws here and is not recorded
            int bodyLength = exchange.getRequestBody().readAllBytes().length;
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), bodyLength));
            respond(exchange, "{\"stub\":\"" + exchange.getRequestURI().getRawPath() + "\"}");
        });
        server.start();
    }

    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String issuer() {
        return baseUri() + REALM_PATH;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    Map<String, String> routeProperties() {
        return Map.of(
                "jointops.routes.cases", baseUri(),
                "jointops.routes.intel", baseUri(),
                "jointops.routes.finance", baseUri(),
                "jointops.routes.chemicals", baseUri(),
                "jointops.issuer-uri", issuer());
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // as the services do (the platform's CorrelationIdFilter): the correlation id they were given, answered back
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        if (correlationId != null) {
            exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
