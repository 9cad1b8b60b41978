package io.jointops.chemicals;

import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.hamcrest.Matcher;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.jointops.platform.test.ApiDocumentRules;

import static io.jointops.platform.test.AsOfChecks.assertAsOfMatchesLive;
import static io.jointops.platform.test.ItemVisibility.assertAuditorReads;
import static io.jointops.platform.test.ItemVisibility.assertListedFor;
import static io.jointops.platform.test.ItemVisibility.assertMissingFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pre-export notification API of one chemical-service on a real PostgreSQL; tokens are shaped like the realm's. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@Import(GoldenEvents.class)
class NotificationApiIT {

    static final String VALID = """
            {"importingAgency":"CN-CUSTOMS",
             "exporter":{"name":"Rhine Chemicals BV","address":{"street":"Havenweg 1","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
             "importer":{"name":"Tianjin Fine Chem Co.","address":{"street":"8 Binhai Road","city":"Tianjin","country":"CN"}},
             "consignee":{"name":"Warehouse 3","address":{"street":"12 Port Road","city":"Tianjin","postalCode":"300450","country":"CN"}},
             "substanceName":"Acetic anhydride","casNumber":"108-24-7","quantity":1250.5,"unit":"L",
             "expectedDispatchDate":"2026-12-10","pointOfEntry":"Port of Tianjin","exportLicenceNumber":"NL-EXP-2026-0042",
             "tlp":"TLP:AMBER","handlingCode":"H1"}""";

    static final RequestPostProcessor NL = TestTokens.user("nl.chemical", "NL-FIOD", "chemical-officer");
    static final RequestPostProcessor CN = TestTokens.user("cn.chemical", "CN-CUSTOMS", "chemical-officer");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "chemical-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GoldenEvents golden;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("eventSerializer")
    org.axonframework.serialization.Serializer eventSerializer;

    @Test
    void filesANotificationVisibleToExportingAndImportingAgencyOnlyWithItsHistory() throws Exception {
        MvcResult created = mvc.perform(post("/api/chemicals/notifications").with(TestTokens.user("nl.chemical", "NL-FIOD", "chemical-officer"))
                        .header("X-Correlation-Id", "it-pen-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        // an exporting agency in the body is ignored: it is the caller's, from the token
                        .content(VALID.replace("{\"importingAgency\"", "{\"exportingAgency\":\"US-DEA\",\"importingAgency\"")))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.exportingAgency", is("NL-FIOD")))
                .andExpect(jsonPath("$.importingAgency", is("CN-CUSTOMS")))
                .andExpect(jsonPath("$.casNumber", is("108-24-7")))
                .andExpect(jsonPath("$.quantity", is(1250.5)))
                .andExpect(jsonPath("$.unit", is("L")))
                .andExpect(jsonPath("$.expectedDispatchDate", is("2026-12-10")))
                .andExpect(jsonPath("$.exporter.address.city", is("Rotterdam")))
                .andExpect(jsonPath("$.importer.address.postalCode", nullValue()))
                .andExpect(jsonPath("$.filedBy", is("nl.chemical")))
                .andReturn();
        String location = created.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/chemicals/notifications/");
        String notificationId = location.substring(location.lastIndexOf('/') + 1);

        assertMissingFor(mvc, location, TestTokens.user("us.investigator", "US-DEA", "investigator"));

        mvc.perform(get(location).with(TestTokens.user("cn.chemical", "CN-CUSTOMS", "chemical-officer")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.substanceName", is("Acetic anhydride")))
                .andExpect(jsonPath("$.consignee.name", is("Warehouse 3")));
        assertListedFor(mvc, location, TestTokens.user("cn.chemical", "CN-CUSTOMS", "chemical-officer"));
        assertAuditorReads(mvc, location);
        assertAsOfMatchesLive(mvc, location, TestTokens.user("cn.chemical", "CN-CUSTOMS", "chemical-officer"));
        mvc.perform(get(location + "/history").with(TestTokens.user("auditor", "JOINT-AUDIT", "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[0].globalPosition").isNumber());

        mvc.perform(get(location + "/history").with(TestTokens.user("cn.chemical", "CN-CUSTOMS", "chemical-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalEvents", is(1)))
                .andExpect(jsonPath("$.events[0].type", is("PreExportNotificationFiledEvent")))
                .andExpect(jsonPath("$.events[0].revision", is("2")))
                .andExpect(jsonPath("$.events[0].actor", is("nl.chemical")))
                .andExpect(jsonPath("$.events[0].agency", is("NL-FIOD")))
                .andExpect(jsonPath("$.events[0].correlationId", is("it-pen-1")))
                .andExpect(jsonPath("$.events[0].sequence", is(0)))
                // global positions for auditors only: their gaps would tell an agency how much happened elsewhere
                .andExpect(jsonPath("$.events[0].globalPosition").doesNotExist())
                .andExpect(jsonPath("$.events[0].payload.casNumber", is("108-24-7")))
                .andExpect(jsonPath("$.events[0].payload.expectedDispatchDate", is("2026-12-10")))
                .andExpect(jsonPath("$.events[0].payload.exporter.address.country", is("NL")));

        // the response deadline depends on when it was filed: stored with the golden file's, the payload must be the same
        var stored = golden.opened(jdbc.sql( // its personal fields decrypted (docs/privacy.md)
                        "SELECT payload FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id AND sequence_number = 0")
                .param("id", notificationId).query(byte[].class).single());
        var goldenTwo = json.readTree(getClass().getResourceAsStream("/events/PreExportNotificationFiledEvent.2.json"));
        assertThat(java.time.Instant.parse(stored.path("responseDueBy").asText()))
                .isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(15)).minusSeconds(120),
                        java.time.Instant.now().plus(java.time.Duration.ofDays(15)));
        stored.set("responseDueBy", goldenTwo.get("responseDueBy"));
        stored.set("notificationId", goldenTwo.get("notificationId"));
        assertThat((com.fasterxml.jackson.databind.JsonNode) stored).isEqualTo(goldenTwo);
        assertThat(golden.read("PreExportNotificationFiledEvent.2.json", PreExportNotificationFiledEvent.class, "2"))
                .isEqualTo(new PreExportNotificationFiledEvent("c2d7a0f4-9b1e-4e7a-8f3d-5a6b7c8d9e01", "NL-FIOD", "CN-CUSTOMS",
                        new Party("Rhine Chemicals BV", new Address("Havenweg 1", "Rotterdam", "3011 AA", "NL")),
                        new Party("Tianjin Fine Chem Co.", new Address("8 Binhai Road", "Tianjin", null, "CN")),
                        new Party("Warehouse 3", new Address("12 Port Road", "Tianjin", "300450", "CN")),
                        "Acetic anhydride", "108-24-7", new BigDecimal("1250.5"), QuantityUnit.L,
                        LocalDate.of(2026, 12, 10), "Port of Tianjin", "NL-EXP-2026-0042", Tlp.AMBER, HandlingCode.H1,
                        null, null, java.util.List.of(), java.time.Instant.parse("2026-12-15T09:00:00Z")));
        // revision 1, as stored before the response window existed, reads through the upcaster with empty additions
        assertThat(upcast("PreExportNotificationFiledEvent.1.json"))
                .isEqualTo(new PreExportNotificationFiledEvent("c2d7a0f4-9b1e-4e7a-8f3d-5a6b7c8d9e01", "NL-FIOD", "CN-CUSTOMS",
                        new Party("Rhine Chemicals BV", new Address("Havenweg 1", "Rotterdam", "3011 AA", "NL")),
                        new Party("Tianjin Fine Chem Co.", new Address("8 Binhai Road", "Tianjin", null, "CN")),
                        new Party("Warehouse 3", new Address("12 Port Road", "Tianjin", "300450", "CN")),
                        "Acetic anhydride", "108-24-7", new BigDecimal("1250.5"), QuantityUnit.L,
                        LocalDate.of(2026, 12, 10), "Port of Tianjin", "NL-EXP-2026-0042", Tlp.AMBER, HandlingCode.H1,
                        null, null, java.util.List.of(), null));
    }

    /** Reads a revision 1 golden file as the event store would: through the configured upcaster chain. */
    private PreExportNotificationFiledEvent upcast(String file) throws java.io.IOException {
        byte[] bytes = getClass().getResourceAsStream("/events/" + file).readAllBytes();
        var serialized = new org.axonframework.serialization.SimpleSerializedObject<>(bytes, byte[].class,
                PreExportNotificationFiledEvent.class.getName(), "1");
        var entry = new org.axonframework.eventhandling.GenericDomainEventEntry<>("PreExportNotification", "x", 0,
                "e", java.time.Instant.now(), serialized.getType().getName(), "1", bytes,
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (PreExportNotificationFiledEvent) org.axonframework.serialization.upcasting.event.EventUpcasterChain.class
                .cast(axon.upcasterChain())
                .upcast(java.util.stream.Stream.of(new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(entry, eventSerializer)))
                .map(representation -> eventSerializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                        representation.getData(byte[].class).getData(), byte[].class, representation.getType())))
                .findFirst().orElseThrow();
    }

    @Test
    void refusesBadInputNamingTheFieldAndStoresNothing() throws Exception {
        long before = events();
        expectInvalid(VALID.replace("\"country\":\"NL\"", "\"country\":\"nl\""), is("exporter.address.country"));
        expectInvalid(VALID.replace("\"consignee\":{\"name\":\"Warehouse 3\"", "\"consignee\":{\"name\":\"\""), is("consignee.name"));
        expectInvalid(VALID.replace("\"quantity\":1250.5", "\"quantity\":0"), is("quantity"));
        expectInvalid(VALID.replace("\"unit\":\"L\"", "\"unit\":\"TONNE\""), is("unit"));
        expectInvalid(VALID.replace("\"casNumber\":\"108-24-7\"", "\"casNumber\":\"108247\""), is("casNumber"));
        // the check digit, the registry and the exporting agency are the aggregate's to know; it names the field too
        expectInvalid(VALID.replace("\"casNumber\":\"108-24-7\"", "\"casNumber\":\"108-24-8\""), is("casNumber"));
        expectInvalid(VALID.replace("\"substanceName\":\"Acetic anhydride\",\"casNumber\":\"108-24-7\"",
                "\"substanceName\":\"Ethanol\",\"casNumber\":\"64-17-5\""), is("casNumber"));
        expectInvalid(VALID.replace("\"importingAgency\":\"CN-CUSTOMS\"", "\"importingAgency\":\"NL-FIOD\""), is("importingAgency"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aWrongRoleIsForbidden() throws Exception {
        long before = events();
        mvc.perform(post("/api/chemicals/notifications").with(TestTokens.user("us.finance", "US-FINCEN", "finance-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/chemicals/notifications").with(TestTokens.user("nl.analyst", "NL-FIOD", "analyst"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
        mvc.perform(post("/api/chemicals/notifications").with(TestTokens.user("nl.supervisor", "NL-FIOD", "supervisor"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated());
    }

    private void expectInvalid(String body, Matcher<? super String> field) throws Exception {
        mvc.perform(post("/api/chemicals/notifications").with(TestTokens.user("nl.chemical", "NL-FIOD", "chemical-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field));
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single();
    }

    @Test
    void theApiDocumentNamesTheGatewayKeycloakAndEveryOperationsSummaryAndProblems() throws Exception {
        assertThat(ApiDocumentRules.faultsOfServed(mvc)).isEmpty();
    }

    /**
     * Every example request the document offers in Swagger UI is a valid request: sent to the service by a caller of
     * no role, each passes the request's checks (and is then refused as forbidden, storing nothing).
     */
    @Test
    void everyExampleRequestOfTheDocumentIsValid() throws Exception {
        assertThat(ApiDocumentRules.refusedExamples(mvc, TestTokens.user("gb.visitor", "GB-NCA"))).isEmpty();
    }
}
