package io.jointops.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the realm file without a Keycloak: what the launcher prints and the tests use must be in it. */
class RealmTest {

    private final JsonNode realm = read("/keycloak/jointops-realm.json");

    @Test
    void demoUsersMatchTheRealmFile() {
        List<Realm.User> inFile = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) continue;
            List<String> roles = new ArrayList<>();
            user.path("realmRoles").forEach(r -> { if (!r.asText().startsWith("default-roles")) roles.add(r.asText()); });
            inFile.add(new Realm.User(user.path("username").asText(), user.at("/attributes/agency/0").asText(), roles));
            // no required action may stop a password grant: profile complete, password not temporary
            assertThat(user.path("emailVerified").asBoolean()).isTrue();
            assertThat(user.path("firstName").asText()).isNotBlank();
            assertThat(user.path("lastName").asText()).isNotBlank();
            assertThat(user.at("/credentials/0/temporary").asBoolean(true)).isFalse();
        }
        assertThat(inFile).containsExactlyInAnyOrderElementsOf(Realm.USERS);
    }

    @Test
    void realmSettings() {
        assertThat(realm.path("realm").asText()).isEqualTo(Realm.NAME);
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(900);
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        List<String> roles = new ArrayList<>();
        realm.at("/roles/realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("investigator", "analyst", "finance-officer", "chemical-officer",
                "supervisor", "auditor", "platform-admin", "notary-signer", Realm.FEED_READER);
    }

    @Test
    void everyClientHasTheApiScopeAndTheRightFlows() {
        for (JsonNode client : realm.path("clients")) {
            assertThat(texts(client.path("defaultClientScopes"))).as(client.path("clientId").asText()).contains("jointops-api");
        }
        JsonNode web = client(Realm.WEB_CLIENT);
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");

        JsonNode cli = client(Realm.CLI_CLIENT);
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();
    }

    /** Each agency's co-signer: client credentials only, and its service account signs for its agency only. */
    @Test
    void coSignerClientsAreServiceAccountsWithTheNotarySignerRoleAndTheirAgency() {
        for (Realm.CoSignerClient coSigner : Realm.COSIGNER_CLIENTS) {
            JsonNode client = client(coSigner.clientId());
            assertThat(client.path("publicClient").asBoolean(true)).as(coSigner.clientId()).isFalse();
            assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("client-secret");
            assertThat(client.path("secret").asText()).isEqualTo(coSigner.secret());
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
            for (String userFlow : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled")) {
                assertThat(client.path(userFlow).asBoolean(true)).as(coSigner.clientId() + " " + userFlow).isFalse();
            }
            JsonNode account = serviceAccount(coSigner.clientId());
            // notary-signer alone: not default-roles-jointops either, whose composites would come with it
            assertThat(texts(account.path("realmRoles"))).containsExactly("notary-signer");
            assertThat(texts(account.at("/attributes/agency"))).containsExactly(coSigner.agency());
            assertThat(account.has("credentials")).isFalse();
        }
    }

    /** Each agency's partner system: client credentials only, and its service account reads its agency's feed only. */
    @Test
    void partnerClientsAreServiceAccountsWithTheFeedReaderRoleAloneAndTheirAgency() {
        List<String> agencies = new ArrayList<>();
        for (Realm.PartnerClient partner : Realm.PARTNER_CLIENTS) {
            JsonNode client = client(partner.clientId());
            assertThat(client.path("publicClient").asBoolean(true)).as(partner.clientId()).isFalse();
            assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("client-secret");
            assertThat(client.path("secret").asText()).isEqualTo(partner.secret());
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
            for (String userFlow : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled")) {
                assertThat(client.path(userFlow).asBoolean(true)).as(partner.clientId() + " " + userFlow).isFalse();
            }
            assertThat(client.at("/attributes/oauth2.device.authorization.grant.enabled").asText()).isEqualTo("false");
            assertThat(client.at("/attributes/oidc.ciba.grant.enabled").asText()).isEqualTo("false");
            JsonNode account = serviceAccount(partner.clientId());
            // feed-reader alone: not default-roles-jointops either, whose composites would come with it
            assertThat(texts(account.path("realmRoles"))).containsExactly(Realm.FEED_READER);
            assertThat(texts(account.at("/attributes/agency"))).containsExactly(partner.agency());
            assertThat(account.has("credentials")).isFalse();
            agencies.add(partner.agency());
        }
        // one per agency of the demo realm (not the auditors' or the operators')
        List<String> demoAgencies = Realm.USERS.stream().map(Realm.User::agency)
                .filter(agency -> !agency.startsWith("JOINT-")).distinct().toList();
        assertThat(agencies).containsExactlyInAnyOrderElementsOf(demoAgencies);
        List<String> inFile = new ArrayList<>();
        realm.path("clients").forEach(c -> {
            if (c.path("clientId").asText().startsWith("jointops-partner-")) inFile.add(c.path("clientId").asText());
        });
        assertThat(inFile).containsExactlyInAnyOrderElementsOf(
                Realm.PARTNER_CLIENTS.stream().map(Realm.PartnerClient::clientId).toList());
    }

    @Test
    void agencyIsADeclaredUserProfileAttributeThatOnlyAdminsEdit() throws IOException {
        JsonNode component = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0");
        assertThat(component.path("providerId").asText()).isEqualTo("declarative-user-profile");
        JsonNode profile = new ObjectMapper().readTree(component.at("/config/kc.user.profile.config/0").asText());
        JsonNode agency = null;
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("agency")) agency = attribute;
        }
        assertThat(agency).isNotNull();
        assertThat(texts(agency.at("/permissions/edit"))).containsExactly("admin");
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) return client;
        }
        throw new AssertionError("no client " + clientId);
    }

    private JsonNode serviceAccount(String clientId) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("serviceAccountClientId").asText().equals(clientId)) return user;
        }
        throw new AssertionError("no service account of " + clientId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = RealmTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
