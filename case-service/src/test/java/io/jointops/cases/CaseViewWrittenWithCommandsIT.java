package io.jointops.cases;

import io.jointops.api.cases.AddCaseMemberCommand;
import io.jointops.api.cases.AddCasePartnerCommand;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CaseRole;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.cases.SetCaseTagsCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import io.jointops.platform.test.ViewRebuilds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case view is written in the transaction of the command that appends the case's events: once the command has
 * returned, its case is in the view, with no processor running; a view write that fails takes the command's events with
 * it; a row a rebuild has not reached yet is made current from the store by the next command of its case.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseViewWrittenWithCommandsIT {

    private static final CaseActor CN_SUPERVISOR = new CaseActor("cn.supervisor", "CN-NNCC", true);
    private static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Configuration axon;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void processorHasStopped() throws InterruptedException {
        ViewRebuilds.awaitProcessorStopped(axon, "case-view");
    }

    @Test
    void aCommandsCaseIsInTheViewWhenTheCommandReturns() {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenCaseCommand(id, "Written with the command", "s", "CN-NNCC", Set.of(), Tlp.AMBER,
                HandlingCode.H1));
        assertThat(version(id)).isEqualTo(0L);
        assertThat(visibleTo(id)).isEqualTo("CN-NNCC");

        commands.sendAndWait(new AddCasePartnerCommand(id, "US-DEA", CN_SUPERVISOR, 0L));
        assertThat(version(id)).isEqualTo(1L);
        assertThat(visibleTo(id)).isEqualTo("CN-NNCC,US-DEA");
    }

    @Test
    void aRowBehindItsCaseIsMadeCurrentFromTheStoreByTheCasesNextCommand() throws Exception {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenCaseCommand(id, "Behind", "s", "CN-NNCC", Set.of(), Tlp.AMBER, HandlingCode.H1));
        commands.sendAndWait(new AddCaseMemberCommand(id, "cn.analyst", "CN-NNCC", CaseRole.ANALYST, CN_SUPERVISOR));
        commands.sendAndWait(new SetCaseTagsCommand(id, Set.of("port"), CN_SUPERVISOR));
        // as a rebuild leaves a case it has not reached yet: the row at its first event, without its member
        jdbc.sql("UPDATE case_view SET version = 0, tags = '{}', members = '[]' WHERE case_id = :id")
                .param("id", id).update();
        jdbc.sql("DELETE FROM case_member WHERE case_id = :id").param("id", id).update();

        commands.sendAndWait(new SetCaseTagsCommand(id, Set.of("port", "airport"), CN_SUPERVISOR));

        assertThat(version(id)).isEqualTo(3L);
        assertThat(jdbc.sql("SELECT username FROM case_member WHERE case_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("cn.analyst");
        // the row equals the case folded from all its events, as ?asOf= answers it
        String live = mvc.perform(get("/api/cases/" + id).with(CN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String folded = mvc.perform(get("/api/cases/" + id).param("asOf", Instant.now().toString()).with(CN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(live).contains("\"airport\"", "cn.analyst").isEqualTo(folded);
    }

    @Test
    void aViewWriteThatFailsTakesTheCommandsEventsWithIt() {
        // a trigger refuses one title: the view's write fails inside the command's transaction
        jdbc.sql("""
                CREATE FUNCTION refuse_title() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.title = 'Refused by the view' THEN RAISE EXCEPTION 'refused'; END IF;
                    RETURN NEW;
                END $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_title BEFORE INSERT ON case_view FOR EACH ROW EXECUTE FUNCTION refuse_title()")
                .update();
        String id = UUID.randomUUID().toString();
        try {
            assertThatThrownBy(() -> commands.sendAndWait(new OpenCaseCommand(id, "Refused by the view", "s", "CN-NNCC",
                    Set.of(), Tlp.AMBER, HandlingCode.H1))).hasStackTraceContaining("refused");
        } finally {
            jdbc.sql("DROP TRIGGER refuse_title ON case_view").update();
            jdbc.sql("DROP FUNCTION refuse_title()").update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", id).query(Long.class).single()).as("events of the refused case").isZero();
        assertThat(version(id)).isNull();

        commands.sendAndWait(new OpenCaseCommand(id, "Accepted by the view", "s", "CN-NNCC", Set.of(), Tlp.AMBER,
                HandlingCode.H1));
        assertThat(version(id)).isEqualTo(0L);
    }

    private Long version(String id) {
        return jdbc.sql("SELECT version FROM case_view WHERE case_id = :id").param("id", id).query(Long.class)
                .optional().orElse(null);
    }

    private String visibleTo(String id) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT string_agg(agency, ',' ORDER BY agency) AS agencies FROM case_visibility
                         WHERE case_id = :id""").param("id", id).query().singleRow();
        return (String) row.get("agencies");
    }
}
