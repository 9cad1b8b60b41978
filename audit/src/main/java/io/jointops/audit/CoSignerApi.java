package io.jointops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a co-signer asks of the notary's API ({@code docs/audit-format.md} §4): the newest checkpoint, a consistency
 * proof, and where to post its signature. Also reads the same JSON from files, for a co-signer that gets them
 * another way. A bearer token comes from {@code token} for each request (a file re-read, or a client-credentials
 * grant), or none.
 */
final class CoSignerApi {

    /** A published checkpoint and the signatures it has so far (agency to base64 signature). */
    record Published(Checkpoint checkpoint, Map<String, String> signatures) {
    }

    static final class ApiException extends Exception {
        ApiException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    CoSignerApi(URI base, Supplier<String> token) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token;
    }

    /** The newest checkpoint, or empty if the log has none yet. */
    Optional<Published> latest() throws ApiException {
        HttpResponse<String> response = send(request("/api/audit/checkpoints/latest").GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(published(ok(response, "GET /api/audit/checkpoints/latest")));
    }

    /** The proof that the tree of {@code to} leaves extends the tree of {@code from} leaves. */
    List<byte[]> consistency(long from, long to) throws ApiException {
        String path = "/api/audit/proofs/consistency?from=" + from + "&to=" + to;
        return proof(ok(send(request(path).GET()), "GET " + path), from, to);
    }

    /** Posts an agency's signature of the checkpoint of {@code size}. */
    void post(long size, String agency, byte[] signature) throws ApiException {
        String path = "/api/audit/checkpoints/" + size + "/signatures";
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("agency", agency,
                    "signature", Base64.getEncoder().encodeToString(signature)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ok(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))), "POST " + path);
    }

    // --- the JSON of the API, also read from files

    static Published published(JsonNode node) throws ApiException {
        try {
            List<String> agencies = new ArrayList<>();
            node.path("agencies").forEach(a -> agencies.add(a.asText()));
            Checkpoint checkpoint = new Checkpoint(text(node, "origin"), number(node, "treeSize"),
                    Hex.hash(text(node, "rootHash"), "rootHash"), text(node, "time"), number(node, "lastPosition"),
                    agencies);
            Map<String, String> signatures = new java.util.TreeMap<>();
            node.path("signatures").forEach(s -> signatures.put(s.path("agency").asText(), s.path("signature").asText()));
            return new Published(checkpoint, signatures);
        } catch (IllegalArgumentException e) {
            throw new ApiException("not a checkpoint: " + e.getMessage());
        }
    }

    static List<byte[]> proof(JsonNode node, long from, long to) throws ApiException {
        if (number(node, "fromSize") != from || number(node, "toSize") != to) {
            throw new ApiException("the consistency proof is from size " + node.path("fromSize").asText() + " to "
                    + node.path("toSize").asText() + ", not from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        try {
            for (JsonNode hash : node.path("proof")) {
                proof.add(Hex.hash(hash.asText(), "a hash of the consistency proof"));
            }
        } catch (IllegalArgumentException e) {
            throw new ApiException(e.getMessage());
        }
        return proof;
    }

    static JsonNode read(String json, String where) throws ApiException {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new ApiException(where + " is not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) throws ApiException {
        if (!node.path(field).isTextual()) {
            throw new ApiException("not a checkpoint: no " + field);
        }
        return node.path(field).asText();
    }

    private static long number(JsonNode node, String field) throws ApiException {
        if (!node.path(field).canConvertToLong()) {
            throw new ApiException("no number " + field);
        }
        return node.path(field).asLong();
    }

    // --- HTTP

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        String bearer = token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws ApiException {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiException("cannot reach " + built.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted");
        }
    }

    private static JsonNode ok(HttpResponse<String> response, String what) throws ApiException {
        if (response.statusCode() != 200) {
            String body = response.body() == null ? "" : response.body();
            throw new ApiException(what + " answered " + response.statusCode() + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
        return read(response.body(), what);
    }

    /** A bearer token by the OAuth 2.0 client-credentials grant (RFC 6749 §4.4), fetched for each round. */
    static Supplier<String> clientCredentials(URI tokenUrl, String clientId, Supplier<String> secret) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return () -> {
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(secret.get(), StandardCharsets.UTF_8);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode token = response.statusCode() == 200 ? JSON.readTree(response.body()).path("access_token") : null;
                if (token == null || !token.isTextual()) {
                    throw new IllegalStateException("the token endpoint " + tokenUrl + " answered "
                            + response.statusCode() + " without an access_token");
                }
                return token.asText();
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach the token endpoint " + tokenUrl + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        };
    }
}
