package io.jointops.intel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import io.jointops.platform.webhook.WebhookSigning;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhook registrations on a real PostgreSQL, through intel-service's API: the partner system (role feed-reader) is
 * answered its webhook's secret once, which is the one every service derives from the deployment's key and the
 * webhook's id, and which no stored event holds; its events are stored as their golden files; bad input is a 400
 * problem naming the field and stores nothing; another agency's webhook is a 404, an officer a 403; the service's own
 * part of the deliveries' list knows the webhook for its agency only.
 */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
@Import(GoldenEvents.class)
class WebhookApiIT {

    static final RequestPostProcessor US_PARTNER = TestTokens.user("service-account-jointops-partner-us-dea", "US-DEA",
            "feed-reader");
    static final RequestPostProcessor CN_PARTNER = TestTokens.user("service-account-jointops-partner-cn-nncc", "CN-NNCC",
            "feed-reader");
    static final RequestPostProcessor US_SUPERVISOR = TestTokens.user("us.supervisor", "US-DEA", "supervisor");
    static final String URL = "https://partner.dea.example.gov/jointops/hooks";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GoldenEvents golden;

    @Test
    void aRegistrationAnswersTheSecretOnceAndStoresNone() throws Exception {
        JsonNode registered = json.readTree(register(US_PARTNER, Map.of("url", URL,
                "events", List.of("WatchlistAlertRaisedEvent", "CaseOpenedEvent")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        String id = registered.path("id").asText();
        String secret = registered.path("secret").asText();
        assertThat(secret).isEqualTo(new WebhookSigning(TestService.WEBHOOK_SIGNING_KEY).secret(id));
        assertThat(registered.path("url").asText()).isEqualTo(URL);

        mvc.perform(get("/api/webhooks/" + id).with(US_PARTNER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id", is(id))).andExpect(jsonPath("$.secret").doesNotExist());
        mvc.perform(get("/api/webhooks").with(US_PARTNER)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id))).andExpect(jsonPath("$[0].secret").doesNotExist());
        mvc.perform(get("/internal/webhooks/" + id + "/deliveries").with(US_PARTNER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveries").isEmpty());

        byte[] stored = storedPayload(id, "WebhookRegisteredEvent");
        golden.assertPayloadAsGolden(stored, "io.jointops.api.webhooks.WebhookRegisteredEvent",
                "WebhookRegisteredEvent.1.json", "webhookId", id);
        String everything = jdbc.sql("SELECT string_agg(convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8'), '')"
                        + " FROM " + EventStoreConfiguration.SCHEMA + ".domain_event_entry").query(String.class).single();
        assertThat(everything).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));

        // another agency's webhook is none; an officer has no webhooks
        mvc.perform(get("/api/webhooks/" + id).with(CN_PARTNER)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete("/api/webhooks/" + id).with(CN_PARTNER)).andExpect(status().isNotFound());
        mvc.perform(get("/internal/webhooks/" + id + "/deliveries").with(CN_PARTNER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/webhooks/" + UUID.randomUUID()).with(US_PARTNER)).andExpect(status().isNotFound());
        register(US_SUPERVISOR, Map.of("url", URL, "events", List.of("*"))).andExpect(status().isForbidden());

        mvc.perform(delete("/api/webhooks/" + id).with(US_PARTNER)).andExpect(status().isNoContent());
        golden.assertPayloadAsGolden(storedPayload(id, "WebhookDeletedEvent"),
                "io.jointops.api.webhooks.WebhookDeletedEvent", "WebhookDeletedEvent.1.json", "webhookId", id);
        mvc.perform(get("/api/webhooks/" + id).with(US_PARTNER)).andExpect(status().isNotFound());
        mvc.perform(get("/internal/webhooks/" + id + "/deliveries").with(US_PARTNER)).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() throws Exception {
        long before = webhookEvents();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("url", "http://partner.dea.example.gov/hooks", "events", List.of("*")),
                Map.of("url", "https://10.20.30.40/hooks", "events", List.of("*")),
                Map.of("url", "https://127.0.0.1:8443/hooks", "events", List.of("*")),
                Map.of("url", "https://localhost/hooks", "events", List.of("*")),
                Map.of("url", "https://169.254.169.254/latest/meta-data/", "events", List.of("*")),
                Map.of("url", "https://user:secret@partner.dea.example.gov/hooks", "events", List.of("*")),
                Map.of("url", "https://partner.dea.example.gov/hooks#x", "events", List.of("*")),
                Map.of("url", "", "events", List.of("*")),
                Map.of("events", List.of("*")))) {
            register(US_PARTNER, bad).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field", is("url")));
        }
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("url", URL, "events", List.of("CaseOpenedEvent", "NotAnEvent")),
                Map.of("url", URL, "events", List.of()),
                Map.of("url", URL))) {
            register(US_PARTNER, bad).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field", is("events")));
        }
        assertThat(webhookEvents()).isEqualTo(before);
        mvc.perform(get("/internal/webhooks/x/deliveries?limit=0").with(US_PARTNER)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("limit")));
        mvc.perform(get("/internal/webhooks/x/deliveries?status=LOST").with(US_PARTNER)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("status")));
    }

    private ResultActions register(RequestPostProcessor who, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/webhooks").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private byte[] storedPayload(String webhookId, String type) {
        return jdbc.sql("SELECT payload FROM " + EventStoreConfiguration.SCHEMA + ".domain_event_entry"
                        + " WHERE payload_type = :type AND convert_from(payload, 'UTF8') LIKE :id")
                .param("type", "io.jointops.api.webhooks." + type)
                .param("id", "%" + webhookId + "%")
                .query(byte[].class).single();
    }

    private long webhookEvents() {
        return jdbc.sql("SELECT count(*) FROM " + EventStoreConfiguration.SCHEMA + ".domain_event_entry"
                + " WHERE payload_type LIKE 'io.jointops.api.webhooks.%'").query(Long.class).single();
    }
}
