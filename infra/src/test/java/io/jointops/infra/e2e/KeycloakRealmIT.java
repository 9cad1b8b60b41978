package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.infra.Realm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm file, imported into a real Keycloak, gives the tokens the gateway and the services rely on. */
@ExtendWith(RunningPlatform.class)
class KeycloakRealmIT {

    /** The realm's failureFactor: this many failures lock an account whatever their pace. */
    private static final int FAILURES_THAT_LOCK = 10;

    @Test
    void investigatorTokenCarriesAgencyAudienceRolesAndIssuer() {
        JsonNode claims = RunningPlatform.claims(RunningPlatform.token("cn.investigator"));

        assertThat(claims.path("agency").asText()).isEqualTo("CN-NNCC");
        assertThat(strings(claims.path("aud"))).contains(Realm.AUDIENCE);
        assertThat(strings(claims.at("/realm_access/roles"))).contains("investigator");
        assertThat(claims.path("iss").asText()).isEqualTo(RunningPlatform.keycloakUrl() + "/realms/jointops");
        assertThat(claims.path("azp").asText()).isEqualTo(Realm.CLI_CLIENT);
        assertThat(claims.path("preferred_username").asText()).isEqualTo("cn.investigator");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(15 * 60);
    }

    static List<Realm.User> demoUsers() {
        return Realm.USERS;
    }

    @ParameterizedTest
    @MethodSource("demoUsers")
    void everyDemoUserLogsInWithAgencyAndRoles(Realm.User user) {
        JsonNode claims = RunningPlatform.claims(RunningPlatform.token(user.username()));

        assertThat(claims.path("agency").asText()).isEqualTo(user.agency());
        assertThat(strings(claims.at("/realm_access/roles"))).containsAll(user.roles());
        assertThat(strings(claims.path("aud"))).contains(Realm.AUDIENCE);
    }

    static List<Realm.PartnerClient> partnerClients() {
        return Realm.PARTNER_CLIENTS;
    }

    /** An agency's partner system: its agency, the feed-reader role and nothing else, and no user flow. */
    @ParameterizedTest
    @MethodSource("partnerClients")
    void partnerClientCredentialsTokenCarriesItsAgencyAndTheFeedReaderRoleAlone(Realm.PartnerClient partner) {
        JsonNode claims = RunningPlatform.claims(RunningPlatform.clientToken(partner.clientId(), partner.secret()));

        assertThat(claims.path("agency").asText()).isEqualTo(partner.agency());
        assertThat(strings(claims.path("aud"))).contains(Realm.AUDIENCE);
        assertThat(strings(claims.at("/realm_access/roles"))).containsExactly(Realm.FEED_READER);
        assertThat(claims.path("azp").asText()).isEqualTo(partner.clientId());

        HttpResponse<String> password = tokenRequest("grant_type=password&client_id=" + partner.clientId()
                + "&client_secret=" + partner.secret() + "&username=us.investigator&password=demo");
        assertThat(password.statusCode()).isIn(400, 401);
        assertThat(RunningPlatform.json(password).path("error").asText()).isEqualTo("unauthorized_client");
        HttpResponse<String> wrongSecret = tokenRequest("grant_type=client_credentials&client_id="
                + partner.clientId() + "&client_secret=not-the-secret");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).doesNotContain("access_token");
    }

    static List<Realm.CoSignerClient> coSignerClients() {
        return Realm.COSIGNER_CLIENTS;
    }

    /** An agency's co-signer: its agency, the notary-signer role and nothing else, and no user flow. */
    @ParameterizedTest
    @MethodSource("coSignerClients")
    void coSignerClientGetsOnlyTheNotarySignerRoleAndItsAgency(Realm.CoSignerClient coSigner) {
        JsonNode claims = RunningPlatform.claims(RunningPlatform.clientToken(coSigner.clientId(), coSigner.secret()));

        assertThat(claims.path("agency").asText()).isEqualTo(coSigner.agency());
        assertThat(strings(claims.at("/realm_access/roles"))).containsExactly("notary-signer");
        assertThat(strings(claims.path("aud"))).contains(Realm.AUDIENCE);
        assertThat(claims.path("azp").asText()).isEqualTo(coSigner.clientId());

        HttpResponse<String> password = tokenRequest("grant_type=password&client_id=" + coSigner.clientId()
                + "&client_secret=" + coSigner.secret() + "&username=cn.investigator&password=demo");
        assertThat(password.statusCode()).isIn(400, 401);
        assertThat(RunningPlatform.json(password).path("error").asText()).isEqualTo("unauthorized_client");
        HttpResponse<String> wrongSecret = tokenRequest("grant_type=client_credentials&client_id="
                + coSigner.clientId() + "&client_secret=not-the-secret");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).doesNotContain("access_token");
    }

    /**
     * A wrong password is refused, and a run of them locks the account, the right password included. On a user of its
     * own: one failure within a second of another locks an account for a minute, and the demo users serve every other
     * test (cn.investigator's token was refused once right after this test's wrong password, when it used that user).
     */
    @Test
    void wrongPasswordIsRefusedAndARunOfThemLocksTheAccount() throws InterruptedException {
        String username = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = KeycloakAdmin.create("users", """
                {"username":"%1$s","enabled":true,"email":"%1$s@nncc.example","emailVerified":true,
                 "firstName":"Lock","lastName":"Test","attributes":{"agency":["CN-NNCC"]},
                 "credentials":[{"type":"password","value":"%2$s","temporary":false}]}""".formatted(username, Realm.PASSWORD));

        for (int attempt = 1; attempt <= FAILURES_THAT_LOCK; attempt++) {
            HttpResponse<String> response = RunningPlatform.tokenResponse(username, "not-the-password-" + attempt);
            assertThat(response.statusCode()).as("attempt " + attempt).isEqualTo(401);
            assertThat(RunningPlatform.json(response).path("error").asText()).isEqualTo("invalid_grant");
            assertThat(response.body()).doesNotContain("access_token");
        }
        // Keycloak counts failures on a thread of its own: wait until it has counted them before the right password.
        Instant deadline = Instant.now().plusSeconds(20);
        JsonNode detection = KeycloakAdmin.get("attack-detection/brute-force/users/" + userId);
        while (!detection.path("disabled").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            detection = KeycloakAdmin.get("attack-detection/brute-force/users/" + userId);
        }
        assertThat(detection.path("disabled").asBoolean()).as("brute-force detection: " + detection).isTrue();

        HttpResponse<String> rightPassword = RunningPlatform.tokenResponse(username, Realm.PASSWORD);
        assertThat(rightPassword.statusCode()).isEqualTo(401);
        assertThat(rightPassword.body()).doesNotContain("access_token");
    }

    @Test
    void browserClientHasNoPasswordGrant() {
        HttpResponse<String> response = RunningPlatform.send(HttpRequest.newBuilder(
                        URI.create(RunningPlatform.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=" + Realm.WEB_CLIENT + "&username=cn.investigator&password=demo"))
                .build());

        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(RunningPlatform.json(response).path("error").asText()).isEqualTo("unauthorized_client");
    }

    private static HttpResponse<String> tokenRequest(String form) {
        return RunningPlatform.send(HttpRequest.newBuilder(
                        URI.create(RunningPlatform.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) node.forEach(n -> values.add(n.asText()));
        else if (!node.isMissingNode()) values.add(node.asText());
        return values;
    }
}
