package io.jointops.cases;

import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CooperationRequestType;
import io.jointops.api.cases.LegalBasis;
import io.jointops.api.cases.RequestPriority;
import io.jointops.api.cases.SendCooperationRequestCommand;
import io.jointops.platform.test.TestDatabase;
import io.jointops.platform.test.TestService;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal clock survives a restart: a request's deadlines are scheduled by one case-service, which stops before
 * they are due; a new case-service on the same database fires them (overdue, then escalated).
 */
class DeadlineRestartIT {

    private static final JdbcClient JDBC = JdbcClient.create(TestDatabase.dataSource());

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterIt() throws InterruptedException {
        String requestId = UUID.randomUUID().toString();
        Instant due;
        try (ConfigurableApplicationContext first = start()) {
            due = Instant.now().plusSeconds(8);
            first.getBean(CommandGateway.class).sendAndWait(new SendCooperationRequestCommand(requestId, null, "US-DEA",
                    CooperationRequestType.INFORMATION_REQUEST, new LegalBasis("Mutual assistance", "MLA Art. 4"),
                    RequestPriority.URGENT, "Who consigned the shipment?", List.of(), due, null, due.plusSeconds(2),
                    new CaseActor("cn.investigator", "CN-NNCC", false)));
            assertThat(scheduled(requestId)).as("deadlines kept in db-scheduler's table").isEqualTo(2);
        }
        assertThat(Instant.now()).as("the first service stopped before the deadline").isBefore(due);
        assertThat(events(requestId)).containsExactly("io.jointops.api.cases.CooperationRequestSentEvent");

        try (ConfigurableApplicationContext second = start()) {
            Instant deadline = Instant.now().plusSeconds(90);
            while (events(requestId).size() < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertThat(events(requestId)).containsExactly("io.jointops.api.cases.CooperationRequestSentEvent",
                    "io.jointops.api.cases.CooperationRequestOverdueEvent",
                    "io.jointops.api.cases.CooperationRequestEscalatedEvent");
            Instant overdueAt = Instant.parse(JDBC.sql("""
                            SELECT time_stamp FROM eventstore.domain_event_entry
                             WHERE aggregate_identifier = :id AND sequence_number = 1""")
                    .param("id", requestId).query(String.class).single());
            assertThat(overdueAt).as("not before the deadline").isAfterOrEqualTo(due);
            assertThat(scheduled(requestId)).as("fired deadlines are gone").isZero();
        }
    }

    private static ConfigurableApplicationContext start() {
        int busPort = TestService.freePort();
        // command-line arguments: they take precedence over the platform defaults, as when the launcher starts the service
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        arguments.addAll(TestService.arguments("case-service", busPort));
        arguments.addAll(List.of(
                "--jointops.notary.enabled=false",
                "--db-scheduler.polling-interval=500ms"));
        return new SpringApplicationBuilder(CaseServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int scheduled(String requestId) {
        return JDBC.sql("SELECT count(*) FROM cases.scheduled_tasks WHERE position(convert_to(:id, 'UTF8') IN task_data) > 0"
                        // the deadlines only: a feed delivery's watchlist check names the item too
                        + " AND task_name <> 'jointops-watchlist-check'")
                .param("id", requestId).query(Integer.class).single();
    }

    private static List<String> events(String requestId) {
        return JDBC.sql("""
                        SELECT payload_type FROM eventstore.domain_event_entry
                         WHERE aggregate_identifier = :id ORDER BY sequence_number""")
                .param("id", requestId).query(String.class).list();
    }
}
