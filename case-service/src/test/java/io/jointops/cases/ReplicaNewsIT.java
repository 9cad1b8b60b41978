package io.jointops.cases;

import io.jointops.platform.axon.EventStoreWakeUp;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service as deployed tells its other replicas what its processors committed: with another replica listening on
 * the service's replica channel, opening a case sends the case (its event number) for the writes waiting there for its
 * view, and the partner feed's signal for the feed's readers there. Without it, a write answered by a replica that
 * does not run the views waited 250 ms for each (docs/performance.md, seventeenth session).
 */
// the listener below is a replica that processes nothing: counted, it would halve this replica's share of the
// segments, and a case in a released segment would wait for the 15 s rule that takes unclaimed ones back
// (SegmentShareIT tests the share); counted only as the service starts here
@SpringBootTest(properties = "jointops.processing.replica-count-refresh=1h")
@AutoConfigureMockMvc
@DirtiesContext // a context left running holds processor segments, which a later test's replay must claim
class ReplicaNewsIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStoreWakeUp listener;
    @Autowired
    HikariDataSource pool;

    @Test
    void openingACaseIsToldToTheOtherReplicasWithThePartnerFeedsSignal() throws Exception {
        String channel = listener.replicaChannel();
        assertThat(channel).as("the service's replica channel").isNotNull();
        // a connection of its own, not the service's pool's: closed, it no longer listens nor counts as a replica
        try (Connection otherReplica = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword())) {
            try (Statement statement = otherReplica.createStatement()) {
                statement.execute("LISTEN " + channel);
            }
            try (PreparedStatement register = otherReplica.prepareStatement(
                    "INSERT INTO eventstore.event_listener (backend_pid, channel) VALUES (pg_backend_pid(), ?)")) {
                register.setString(1, channel);
                register.execute();
            }
            // the announcer reads who listens at most once a second
            Thread.sleep(1_500);

            String location = mvc.perform(post("/api/cases")
                            .with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"title":"Told to the replicas","tlp":"TLP:AMBER","handlingCode":"H1"}"""))
                    .andExpect(status().isCreated())
                    .andReturn().getResponse().getHeader("Location");
            String caseId = location.substring("/api/cases/".length());

            List<String> lines = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!(lines.contains("0 " + caseId) && lines.contains("* partner-feed"))
                    && System.currentTimeMillis() < deadline) {
                PGNotification[] heard = otherReplica.unwrap(PGConnection.class).getNotifications(500);
                if (heard != null) {
                    for (PGNotification notification : heard) {
                        lines.addAll(List.of(notification.getParameter().split("\n")));
                    }
                }
            }
            assertThat(lines).as("told on " + channel).contains("0 " + caseId, "* partner-feed");
        }
    }
}
