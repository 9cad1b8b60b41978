package io.jointops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** HTTP to the platform (loopback only) and realm tokens. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8, runnable -> {
                Thread thread = new Thread(runnable, "bench-http");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    private final String issuer;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, long renewAfterNanos) {}

    Api(String issuer) {
        this.issuer = issuer;
    }

    /** A demo user's access token, renewed well before its 15 minutes run out. */
    String token(String username) {
        Token token = tokens.get(username);
        if (token == null || System.nanoTime() > token.renewAfterNanos()) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                            "client_id", "jointops-cli", "username", username, "password", "demo")))).build());
            if (response.statusCode() != 200) throw new IllegalStateException("no token for " + username + ": " + response.body());
            token = new Token(json(response.body()).path("access_token").asText(), System.nanoTime() + Duration.ofMinutes(5).toNanos());
            tokens.put(username, token);
        }
        return token.value();
    }

    static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return builder;
    }

    static HttpResponse<String> post(String url, String token, String json) {
        return send(request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static HttpResponse<String> put(String url, String token, String json) {
        return send(request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static HttpResponse<String> get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    static String idFromLocation(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("no Location: " + response.statusCode() + " " + response.body()));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
