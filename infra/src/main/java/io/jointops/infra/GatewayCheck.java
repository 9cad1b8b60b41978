package io.jointops.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of a start: every process answering its readiness probe does not yet show that they work
 * together. Keycloak issues a demo user's token, the gateway refuses a request without it and passes one
 * with it to case-service, which checks it again and answers. Nothing is written.
 */
final class GatewayCheck {

    static final String USER = "cn.investigator";
    private static final String PATH = "/api/cases?size=1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    /** Retries until {@code timeout}: the first request through the gateway also fetches Keycloak's keys. */
    static void acceptsToken(String issuer, String gatewayUrl, Duration timeout, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try {
                String token = token(issuer);
                int anonymous = get(gatewayUrl + PATH, null).statusCode();
                HttpResponse<String> answer = get(gatewayUrl + PATH, token);
                if (anonymous == 401 && answer.statusCode() == 200) return;
                last = "without a token HTTP " + anonymous + " (expected 401), with " + USER + "'s token HTTP "
                        + answer.statusCode() + " (expected 200) " + abbreviate(answer.body());
            } catch (IOException | IllegalStateException e) {
                last = e.getMessage();
            }
            if (cancelled.getAsBoolean()) throw new StartupException("start-up cancelled", null);
            if (System.nanoTime() > deadline) {
                throw new StartupException("the gateway at " + gatewayUrl + " did not accept a token from " + issuer
                        + " within " + timeout.toSeconds() + " s: GET " + PATH + " " + last, null);
            }
            ChildProcess.sleep(1000);
        }
    }

    private static String token(String issuer) throws IOException {
        String form = "grant_type=password&client_id=" + enc(Realm.CLI_CLIENT) + "&username=" + enc(USER)
                + "&password=" + enc(Realm.PASSWORD);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak gave no token for " + USER + ": HTTP " + response.statusCode()
                    + " " + abbreviate(response.body()));
        }
        return token.group(1);
    }

    private static HttpResponse<String> get(String url, String token) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET()
                .header("Accept", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted", null);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private GatewayCheck() {
    }
}
