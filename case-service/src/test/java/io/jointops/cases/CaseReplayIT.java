package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.AddCasePartnerCommand;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A view rebuilt from the event store while the service runs equals the view built live, and while it is rebuilt its
 * queries answer 503 instead of a half-built view. Batches of one event make the replay slow enough to watch.
 */
@SpringBootTest(properties = {"jointops.processing.batch-size=1", "jointops.replay.progress-interval=200ms"})
@AutoConfigureMockMvc
@DirtiesContext
class CaseReplayIT {

    private static final RequestPostProcessor ADMIN = TestTokens.user("admin", "JOINT-OPS", "platform-admin");
    private static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    ObjectMapper json;

    @Test
    void aReplayRebuildsTheSameViewAndQueriesSayItIsRebuildingMeanwhile() throws Exception {
        for (int i = 0; i < 120; i++) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(new OpenCaseCommand(id, "Replay " + i, "s", "CN-NNCC", Set.of(), Tlp.AMBER, HandlingCode.H1));
            if (i % 3 == 0) {
                commands.sendAndWait(new AddCasePartnerCommand(id, "US-DEA", "CN-NNCC", 0L));
            }
        }
        awaitLiveViewCaughtUp();
        List<Map<String, Object>> live = rows();
        assertThat(live).hasSizeGreaterThanOrEqualTo(120);

        mvc.perform(post("/api/cases/admin/replays/case-view").with(CN)).andExpect(status().isForbidden());
        mvc.perform(post("/api/cases/admin/replays/case-intel-integration").with(ADMIN)).andExpect(status().isNotFound());

        mvc.perform(post("/api/cases/admin/replays/case-view").with(ADMIN).header("X-Correlation-Id", "replay-it-1"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.processingGroup", is("case-view")))
                .andExpect(jsonPath("$.correlationId", is("replay-it-1")));

        boolean saw503 = false;
        JsonNode progress = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            MvcResult query = mvc.perform(get("/api/cases").with(CN)).andReturn();
            if (query.getResponse().getStatus() == 503) {
                saw503 = true;
                assertThat(query.getResponse().getHeader("Retry-After")).isNotBlank();
                assertThat(query.getResponse().getContentType()).startsWith("application/problem+json");
            } else {
                assertThat(query.getResponse().getStatus()).isEqualTo(200);
            }
            progress = json.readTree(mvc.perform(get("/api/cases/admin/replays/case-view").with(ADMIN))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if ("done".equals(progress.path("state").asText())) {
                break;
            }
            assertThat(progress.path("state").asText()).isEqualTo("replaying");
            assertThat(query.getResponse().getStatus()).as("a query during the replay").isEqualTo(503);
            Thread.sleep(50);
        }
        assertThat(saw503).as("queries answered 503 during the replay").isTrue();
        assertThat(progress.path("state").asText()).isEqualTo("done");
        assertThat(progress.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(progress.path("position").asLong()).isGreaterThanOrEqualTo(progress.path("headPosition").asLong());
        assertThat(progress.path("eventsPerSecond").asDouble()).isPositive();

        mvc.perform(get("/api/cases").with(CN)).andExpect(status().isOk());
        assertThat(rows()).isEqualTo(live);
    }

    private void awaitLiveViewCaughtUp() throws InterruptedException {
        long events = jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE type = 'JointCase'")
                .query(Long.class).single();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            // every event of a case raised its version by one
            long applied = jdbc.sql("SELECT coalesce(sum(version + 1), 0) FROM case_view").query(Long.class).single();
            if (applied >= events) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> cases = jdbc.sql("""
                        SELECT case_id, title, summary, lead_agency, array_to_string(partner_agencies, ',') AS partners, tlp,
                               handling_code, status, version, opened_at, opened_by, updated_at
                          FROM case_view ORDER BY case_id""").query().listOfRows();
        List<Map<String, Object>> links = jdbc.sql("SELECT * FROM case_linked_item ORDER BY case_id, item_type, item_id")
                .query().listOfRows();
        return java.util.stream.Stream.concat(cases.stream(), links.stream()).toList();
    }
}
