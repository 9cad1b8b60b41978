package io.jointops.cases;

import io.jointops.api.deconfliction.DeconflictionMatch;
import io.jointops.api.deconfliction.DeconflictionMatchAddedEvent;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.Personal;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An erasure order on a real PostgreSQL (docs/privacy.md, "Erasure"): ordered with its legal basis, approved by another
 * supervisor of the ordering agency (four eyes), it destroys the subject's keys in every item, whatever service wrote
 * them, and nothing else; the stored events keep their bytes, and the order keeps no identifier of its subject.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class ErasureIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    /** An identifier of another context's item, stored as that context stores it (a deconfliction notice's match). */
    String notice(String name) {
        String id = "notice-" + UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("DeconflictionNotice", id, 0,
                new DeconflictionMatchAddedEvent(id, "US-DEA", new DeconflictionMatch(Identifies.Kind.PERSON_NAME,
                        "consignee.name", name, "exact", "equivalent")), MetaData.from(Map.of("agency", "US-DEA"))));
        return id;
    }

    String value(String item) {
        return eventStore.readEvents(item).asStream()
                .map(e -> ((DeconflictionMatchAddedEvent) e.getPayload()).match().value()).toList().get(0);
    }

    byte[] stored(String item) {
        return jdbc.sql("SELECT payload FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?")
                .param(item).query(byte[].class).single();
    }

    @Test
    void anApprovedOrderErasesTheSubjectInEveryItemAndOnlyAfterTheSecondPairOfEyes() throws Exception {
        String first = notice("Tomás Ferreira-Lobo");
        String second = notice("TOMÁS  FERREIRA-LOBO.");
        String other = notice("Ana Ferreira");
        byte[] before = stored(first);
        assertThat(new String(before)).doesNotContain("Ferreira");
        assertThat(value(first)).isEqualTo("Tomás Ferreira-Lobo");

        MvcResult ordered = mvc.perform(post("/api/erasures")
                        .with(TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subjects":[{"kind":"PERSON_NAME","value":"tomás ferreira-lobo"}],
                                 "legalBasis":"CN court order (2026) Jing 0105 No. 17","reason":"acquitted"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state", is("ORDERED")))
                .andReturn();
        String location = ordered.getResponse().getHeader("Location");
        assertThat(value(first)).as("not before approval").isEqualTo("Tomás Ferreira-Lobo");

        // four eyes: not the officer who ordered it, not an investigator, not another agency
        mvc.perform(post(location + "/approval").with(TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("four eyes")));
        mvc.perform(post(location + "/approval").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator")))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/approval").with(TestTokens.user("us.supervisor", "US-DEA", "supervisor")))
                .andExpect(status().isNotFound());
        assertThat(value(second)).isEqualTo("TOMÁS  FERREIRA-LOBO.");

        mvc.perform(post(location + "/approval").with(TestTokens.user("cn.supervisor2", "CN-NNCC", "supervisor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state", is("CARRIED_OUT")))
                .andExpect(jsonPath("$.keysDestroyed", is(2)));

        assertThat(value(first)).isEqualTo(Personal.ERASED);
        assertThat(value(second)).isEqualTo(Personal.ERASED);
        assertThat(value(other)).isEqualTo("Ana Ferreira");
        assertThat(stored(first)).as("the stored event, and so its hash, unchanged").isEqualTo(before);
        String orderId = location.substring(location.lastIndexOf('/') + 1);
        List<String> orderEvents = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number").param(orderId).query(String.class).list();
        assertThat(orderEvents).hasSize(3).allSatisfy(payload -> assertThat(payload)
                .doesNotContainIgnoringCase("ferreira").doesNotContainIgnoringCase("tomás"));
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.personal_data_key WHERE destroyed_by = ?")
                .param("erasure-order:" + orderId).query(Long.class).single()).isEqualTo(2);

        mvc.perform(post(location + "/approval").with(TestTokens.user("cn.supervisor3", "CN-NNCC", "supervisor")))
                .andExpect(status().isConflict());
    }

    @Test
    void aBadOrderIsAProblemNamingItsFieldAndStoresNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single();
        mvc.perform(post("/api/erasures").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subjects":[{"kind":"PERSON_NAME","value":"Ana Ferreira"}],"legalBasis":" "}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("legalBasis")));
        mvc.perform(post("/api/erasures").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subjects":[],"legalBasis":"court order"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("subjects")));
        mvc.perform(post("/api/erasures").with(TestTokens.user("auditor", "JOINT-AUDIT", "auditor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subjects":[{"kind":"PERSON_NAME","value":"Ana Ferreira"}],"legalBasis":"x"}"""))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single())
                .isEqualTo(before);
    }
}
