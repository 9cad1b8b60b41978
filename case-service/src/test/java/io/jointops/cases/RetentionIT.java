package io.jointops.cases;

import io.jointops.api.deconfliction.DeconflictionMatch;
import io.jointops.api.deconfliction.DeconflictionMatchAddedEvent;
import io.jointops.api.privacy.PersonalDataErasedEvent;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.Personal;
import io.jointops.cases.retention.Retention;
import io.jointops.platform.replay.ViewReplays;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.ViewRebuilds;
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

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retention on a real PostgreSQL (docs/privacy.md, "Retention"): an item of a rule's type and agency whose last event
 * is older than the period is erased, unless an open case holds the subject; a newer item is kept. The erasure is
 * recorded with the rule and told to every service.
 */
@SpringBootTest(properties = {
        "jointops.privacy.retention.interval=P1D",
        "jointops.privacy.retention.rules[0].item-type=DeconflictionNotice",
        "jointops.privacy.retention.rules[0].agency=US-DEA",
        "jointops.privacy.retention.rules[0].period=P365D",
        "jointops.privacy.retention.rules[0].legal-basis=28 CFR 23.20(h): five years at most"})
@AutoConfigureMockMvc
@DirtiesContext
class RetentionIT {

    static final Instant LONG_AGO = Instant.parse("2020-03-01T00:00:00Z");

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
    @Autowired
    Retention retention;
    @Autowired
    ViewReplays replays;

    /** A match naming {@code name} as the next event of {@code item}, stored at {@code at}. */
    void name(String type, String item, long sequence, String name, Instant at) {
        eventStore.publish(new GenericDomainEventMessage<>(type, item, sequence,
                new DeconflictionMatchAddedEvent(item, "US-DEA", new DeconflictionMatch(Identifies.Kind.PERSON_NAME,
                        "consignee.name", name, "exact", "equivalent")), MetaData.from(Map.of("agency", "US-DEA")),
                UUID.randomUUID().toString(), at));
    }

    String value(String item) {
        return eventStore.readEvents(item).asStream()
                .map(e -> ((DeconflictionMatchAddedEvent) e.getPayload()).match().value()).toList().get(0);
    }

    @Test
    void aPeriodThatRanOutErasesAndOneCoveredByAnOpenCaseDoesNot() throws Exception {
        String expired = "notice-" + UUID.randomUUID();
        String heldByCase = "notice-" + UUID.randomUUID();
        String recent = "notice-" + UUID.randomUUID();
        name("DeconflictionNotice", expired, 0, "Bruno Salgado", LONG_AGO);
        name("DeconflictionNotice", heldByCase, 0, "Carla Mendes", LONG_AGO);
        name("DeconflictionNotice", recent, 0, "Bruno Salgado", Instant.now());
        String location = mvc.perform(post("/api/cases").with(TestTokens.user("us.investigator", "US-DEA", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Operation Tide","summary":"","partnerAgencies":[],"tlp":"TLP:AMBER","handlingCode":"H1"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        // the open case names Carla Mendes too, as a subject (issue 16): her key in the case holds her
        mvc.perform(post(location + "/subjects").with(TestTokens.user("us.investigator", "US-DEA", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PERSON_NAME\",\"value\":\"CARLA MENDES\",\"label\":\"courier\"}"))
                .andExpect(status().isOk());

        int destroyed = retention.run(Instant.now());

        assertThat(destroyed).isEqualTo(1);
        assertThat(value(expired)).isEqualTo(Personal.ERASED);
        assertThat(value(heldByCase)).as("held by an open case").isEqualTo("Carla Mendes");
        assertThat(value(recent)).as("within its period").isEqualTo("Bruno Salgado");
        assertThat(jdbc.sql("SELECT destroyed_by FROM eventstore.personal_data_key WHERE item_id = ?")
                .param(expired).query(String.class).list()).containsExactly("retention:DeconflictionNotice:US-DEA");
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE payload_type = ?"
                        + " AND position(? in convert_from(payload, 'UTF8')) > 0")
                .params(PersonalDataErasedEvent.class.getName(), expired).query(Long.class).single())
                .as("every service and partner is told").isEqualTo(1);

        // the erasure makes every service rebuild its views; a run meanwhile is postponed (the case view says which
        // subjects open cases hold), and once rebuilt nothing is left to erase: the open case still holds Carla Mendes
        ViewRebuilds.awaitDone(replays);
        assertThat(retention.run(Instant.now())).as("nothing left to erase").isZero();
        assertThat(value(heldByCase)).isEqualTo("Carla Mendes");
    }
}
