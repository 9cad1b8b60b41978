package io.jointops.chemicals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.ProposeCaseLeadCommand;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelReportDisseminatedEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static io.jointops.platform.test.AsOfChecks.assertAsOfMatchesLive;
import static io.jointops.platform.test.ItemVisibility.assertMissingFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The PEN response, shipments, incidents and risk on one chemical-service and a real PostgreSQL. US response windows
 * are 3 s here, so the persistent deadline (db-scheduler) really expires; case-service is stood in for by a handler of
 * its ProposeCaseLeadCommand on this service's bus.
 */
@SpringBootTest(properties = {"jointops.pen.response-windows.US=PT3S", "db-scheduler.polling-interval=1s"})
@AutoConfigureMockMvc
@DirtiesContext
class PrecursorControlApiIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.chemical", "CN-CUSTOMS", "chemical-officer");
    static final RequestPostProcessor US = TestTokens.user("us.chemical", "US-DEA", "chemical-officer");
    static final RequestPostProcessor MX = TestTokens.user("mx.investigator", "MX-FGR", "investigator");

    static final String PEN = """
            {"importingAgency":"US-DEA",
             "exporter":{"name":"Hubei Fine Chemicals","address":{"street":"1 Gaoxin Road","city":"Wuhan","country":"CN"}},
             "importer":{"name":"Pacific Reagents LLC","address":{"street":"400 Harbor Blvd","city":"Long Beach","postalCode":"90802","country":"US"}},
             "consignee":{"name":"Pacific Reagents LLC","address":{"street":"400 Harbor Blvd","city":"Long Beach","postalCode":"90802","country":"US"}},
             "substanceName":"4-AP","casNumber":"23056-29-3","quantity":500,"unit":"KG",
             "expectedDispatchDate":"2026-12-20","pointOfEntry":"Port of Long Beach","exportLicenceNumber":"CN-EXP-2026-77",
             "tlp":"TLP:AMBER","handlingCode":"H1","mixturePercentage":99.5,"transportMode":"SEA","route":["KR"]}""";

    static final List<ProposeCaseLeadCommand> proposedLeads = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "chemical-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EventBus events;
    @Autowired
    CommandBus commandBus;

    @Test
    void theImportingAuthorityObjectsAndTheShipmentUnderTheNotificationIsStopped() throws Exception {
        String pen = created(post("/api/chemicals/notifications"), CN, PEN);
        assertMissingFor(mvc, pen, MX);
        mvc.perform(post(pen + "/clear").with(CN)).andExpect(status().isForbidden());
        mvc.perform(post(pen + "/acknowledge").with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("ACKNOWLEDGED")));
        String shipment = created(post("/api/chemicals/shipments"), CN, """
                {"notificationId":"%s","declaredGoods":"4-Anilinopiperidine (4-AP), CAS 23056-29-3"}""".formatted(id(pen)));
        mvc.perform(get(shipment).with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.licensedQuantity", is(500)))
                .andExpect(jsonPath("$.risk.score", is(0)));
        mvc.perform(post(pen + "/objection").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Importer holds no DEA registration for List I chemicals\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("OBJECTED")));
        JsonNode stopped = await(shipment, US, view -> view.path("status").asText().equals("STOPPED"));
        assertThat(stopped.path("stop").path("reason").asText()).contains("US-DEA objected", "no DEA registration");
        mvc.perform(post(pen + "/clear").with(US)).andExpect(status().isConflict());
        assertAsOfMatchesLive(mvc, shipment, US);
        assertAsOfMatchesLive(mvc, pen, US);
    }

    @Test
    void noReplyWithinTheWindowEscalatesToBothSidesAndRepeatedNoRepliesRaiseTheRisk() throws Exception {
        String importer = "Harbor Solvents Inc";
        String body = PEN.replace("Pacific Reagents LLC", importer);
        String first = created(post("/api/chemicals/notifications"), CN, body);
        String second = created(post("/api/chemicals/notifications"), CN, body);
        JsonNode unanswered = await(first, US, view -> view.path("status").asText().equals("NO_REPLY"));
        assertThat(unanswered.path("escalatedTo").toString()).isEqualTo("[\"CN-CUSTOMS\",\"US-DEA\"]");
        await(second, CN, view -> view.path("status").asText().equals("NO_REPLY"));
        String escalations = mvc.perform(get("/api/chemicals/notifications/escalations?size=100").with(CN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(escalations).contains(id(first), id(second));
        assertThat(mvc.perform(get("/api/chemicals/notifications/escalations?size=100").with(MX))
                .andReturn().getResponse().getContentAsString()).doesNotContain(id(first));

        String shipment = created(post("/api/chemicals/shipments"), CN, """
                {"notificationId":"%s","quantity":650,"declaredGoods":"industrial cleaning agent"}""".formatted(id(first)));
        JsonNode risk = json.readTree(mvc.perform(get(shipment).with(US)).andReturn().getResponse().getContentAsString()).path("risk");
        assertThat(risk.path("indicators").findValuesAsText("code"))
                .containsExactlyInAnyOrder("QUANTITY_ABOVE_LICENCE", "GOODS_MISMATCH", "REPEATED_NO_REPLY");
        assertThat(risk.path("score").asInt()).isEqualTo(30 + 25 + 20);
    }

    @Test
    void anImporterNamedInIntelligenceReleasedToTheReaderRaisesTheRiskForThatReaderOnly() throws Exception {
        String pen = created(post("/api/chemicals/notifications"), CN, PEN.replace("Pacific Reagents LLC", "Quartz Lab Supply, L.L.C."));
        String shipment = created(post("/api/chemicals/shipments"), CN, """
                {"notificationId":"%s","declaredGoods":"4-AP","releasedTo":["MX-FGR"]}""".formatted(id(pen)));
        // as intel-service stores them: events of the report's aggregate, in order (a later replay of the shared
        // event store by another test relies on that order)
        events.publish(new GenericDomainEventMessage<>("IntelReport", "intel-9", 0, new IntelReportDisseminatedEvent("intel-9",
                "Fentanyl network Sinaloa", "US-DEA", Set.of("MX-FGR"), List.of(new IntelEntity("e1", EntityType.ORGANISATION,
                "QUARTZ LAB SUPPLY LLC", "quartz lab supply llc")))));
        JsonNode us = await(shipment, US, view -> view.path("risk").path("score").asInt() > 0);
        assertThat(us.path("risk").path("indicators").get(0).path("code").asText()).isEqualTo("NAMED_IN_INTELLIGENCE");
        assertThat(us.path("risk").path("indicators").get(0).path("reason").asText()).contains("Fentanyl network Sinaloa");
        await(shipment, MX, view -> view.path("risk").path("score").asInt() == 35);
        mvc.perform(get(shipment).with(CN)).andExpect(jsonPath("$.risk.score", is(0)));
        events.publish(new GenericDomainEventMessage<>("IntelReport", "intel-9", 1, new IntelReportWithdrawnEvent("intel-9",
                "source burned")));
        await(shipment, US, view -> view.path("risk").path("score").asInt() == 0);
    }

    @Test
    void aSeizureOfATableOneFentanylPrecursorProposesOneCaseLead() throws Exception {
        commandBus.subscribe(ProposeCaseLeadCommand.class.getName(), message -> {
            proposedLeads.add((ProposeCaseLeadCommand) message.getPayload());
            return null;
        });
        String incident = created(post("/api/chemicals/incidents"), CN, """
                {"type":"SEIZURE","substanceName":"4-AP","quantity":120,"unit":"KG","place":"Port of Shanghai",
                 "country":"CN","occurredOn":"2026-11-28","concealmentMethod":"drums labelled as paint thinner",
                 "modusOperandi":"front company","releasedTo":["US-DEA"],"tlp":"TLP:AMBER","handlingCode":"H1"}""");
        JsonNode view = await(incident, CN, node -> !node.path("caseLeadId").isNull() && !node.path("caseLeadId").isMissingNode());
        String incidentId = id(incident);
        String leadId = java.util.UUID.nameUUIDFromBytes(("case-lead:" + incidentId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        assertThat(view.path("caseLeadId").asText()).isEqualTo(leadId);
        ProposeCaseLeadCommand lead = proposedLeads.stream().filter(p -> p.itemId().equals(incidentId)).findFirst().orElseThrow();
        assertThat(lead.proposingAgency()).isEqualTo("CN-CUSTOMS");
        assertThat(lead.agencies()).containsExactlyInAnyOrder("CN-CUSTOMS", "US-DEA");
        assertThat(lead.title()).isEqualTo("Seizure of 120 KG 4-Anilinopiperidine (4-AP) at Port of Shanghai");

        String acetone = created(post("/api/chemicals/incidents"), CN, """
                {"type":"SEIZURE","substanceName":"Acetone","casNumber":"67-64-1","quantity":20,"unit":"L","place":"Ningbo",
                 "country":"CN","occurredOn":"2026-11-28","tlp":"TLP:AMBER","handlingCode":"H1"}""");
        Thread.sleep(2000);
        assertThat(proposedLeads).noneMatch(p -> p.itemId().equals(id(acetone)));
        assertAsOfMatchesLive(mvc, incident, CN);
        assertMissingFor(mvc, incident, MX);
    }

    @Test
    void theRegistryIsLookedUpByNameSynonymOrCheckedCasNumber() throws Exception {
        mvc.perform(get("/api/chemicals/substances?query=23056-29-3").with(MX)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name", is("4-Anilinopiperidine (4-AP)")))
                .andExpect(jsonPath("$[0].tableOneFentanylPrecursor", is(true)));
        mvc.perform(get("/api/chemicals/substances?query=phenylacetone").with(MX))
                .andExpect(jsonPath("$[0].casNumber", is("103-79-7")));
        mvc.perform(get("/api/chemicals/substances?query=23056-29-4").with(MX)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("query")));
    }

    private String created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                           RequestPostProcessor caller, String body) throws Exception {
        return mvc.perform(request.with(caller).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
    }

    private JsonNode await(String location, RequestPostProcessor caller, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = json.readTree(mvc.perform(get(location).with(caller)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            if (condition.test(view)) {
                return view;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not reached within 30 s: " + view);
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
