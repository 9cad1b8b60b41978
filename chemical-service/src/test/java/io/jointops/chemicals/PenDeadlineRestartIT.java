package io.jointops.chemicals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.FilePreExportNotificationCommand;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.test.TestDatabase;
import io.jointops.platform.test.TestService;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importing authority's response window survives a restart: one chemical-service files a notification (window
 * 15 s for imports into the US) and stops before it is due; a new chemical-service on the same database marks it
 * "no reply" and escalates it to both agencies.
 */
class PenDeadlineRestartIT {

    private static final JdbcClient JDBC = JdbcClient.create(TestDatabase.dataSource());
    private static final Duration WINDOW = Duration.ofSeconds(15);

    @Test
    void aResponseDeadlineScheduledBeforeARestartFiresAfterIt() throws Exception {
        String notificationId = UUID.randomUUID().toString();
        Instant filedAt;
        try (ConfigurableApplicationContext first = start()) {
            filedAt = Instant.now();
            Party exporter = new Party("Hubei Fine Chemicals", new Address("1 Gaoxin Road", "Wuhan", null, "CN"));
            Party importer = new Party("Restart Reagents LLC", new Address("400 Harbor Blvd", "Long Beach", "90802", "US"));
            first.getBean(CommandGateway.class).sendAndWait(new FilePreExportNotificationCommand(notificationId,
                    "CN-CUSTOMS", "US-DEA", exporter, importer, importer, "4-AP", "23056-29-3", new BigDecimal("500"),
                    QuantityUnit.KG, LocalDate.of(2026, 12, 20), "Port of Long Beach", "CN-EXP-2026-78", Tlp.AMBER,
                    HandlingCode.H1, null, TransportMode.SEA, List.of("KR")));
            // the response process schedules the deadline when it handles the filed event, shortly after the command
            Instant wait = Instant.now().plusSeconds(10);
            while (scheduled(notificationId) == 0 && Instant.now().isBefore(wait)) {
                Thread.sleep(100);
            }
            assertThat(scheduled(notificationId)).as("the deadline kept in db-scheduler's table").isEqualTo(1);
        }
        Instant due = Instant.parse(payload(notificationId, 0).path("responseDueBy").asText());
        assertThat(due).isBetween(filedAt.plus(WINDOW).minusSeconds(1), filedAt.plus(WINDOW).plusSeconds(5));
        assertThat(Instant.now()).as("the first service stopped before the deadline").isBefore(due);
        assertThat(events(notificationId)).containsExactly("io.jointops.api.chemicals.PreExportNotificationFiledEvent");

        try (ConfigurableApplicationContext second = start()) {
            Instant deadline = Instant.now().plusSeconds(90);
            while ((events(notificationId).size() < 2 || !"NO_REPLY".equals(viewStatus(notificationId)))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertThat(events(notificationId)).containsExactly("io.jointops.api.chemicals.PreExportNotificationFiledEvent",
                    "io.jointops.api.chemicals.PreExportNotificationUnansweredEvent");
            JsonNode unanswered = payload(notificationId, 1);
            assertThat(unanswered.path("escalatedTo").toString()).contains("CN-CUSTOMS", "US-DEA");
            assertThat(Instant.parse(unanswered.path("responseDueBy").asText())).isEqualTo(due);
            Instant recordedAt = Instant.parse(JDBC.sql("""
                            SELECT time_stamp FROM eventstore.domain_event_entry
                             WHERE aggregate_identifier = :id AND sequence_number = 1""")
                    .param("id", notificationId).query(String.class).single());
            assertThat(recordedAt).as("not before the deadline").isAfterOrEqualTo(due);
            assertThat(viewStatus(notificationId)).isEqualTo("NO_REPLY");
            assertThat(JDBC.sql("SELECT escalated_to::text FROM chemicals.notification_view WHERE notification_id = :id")
                    .param("id", notificationId).query(String.class).single()).contains("CN-CUSTOMS", "US-DEA");
            assertThat(scheduled(notificationId)).as("the fired deadline is gone").isZero();
        }
    }

    private static ConfigurableApplicationContext start() {
        int busPort = TestService.freePort();
        // command-line arguments: they take precedence over the platform defaults, as when the launcher starts the service
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        arguments.addAll(TestService.arguments("chemical-service", busPort));
        arguments.addAll(List.of(
                "--jointops.notary.enabled=false",
                "--jointops.pen.response-windows.US=PT15S",
                "--db-scheduler.polling-interval=500ms"));
        return new SpringApplicationBuilder(ChemicalServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int scheduled(String notificationId) {
        return JDBC.sql("SELECT count(*) FROM chemicals.scheduled_tasks WHERE position(convert_to(:id, 'UTF8') IN task_data) > 0"
                        // the deadlines only: a feed delivery's watchlist check names the item too
                        + " AND task_name <> 'jointops-watchlist-check'")
                .param("id", notificationId).query(Integer.class).single();
    }

    private static String viewStatus(String notificationId) {
        return JDBC.sql("SELECT status FROM chemicals.notification_view WHERE notification_id = :id")
                .param("id", notificationId).query(String.class).optional().orElse(null);
    }

    private static List<String> events(String notificationId) {
        return JDBC.sql("""
                        SELECT payload_type FROM eventstore.domain_event_entry
                         WHERE aggregate_identifier = :id ORDER BY sequence_number""")
                .param("id", notificationId).query(String.class).list();
    }

    private static JsonNode payload(String notificationId, long sequence) throws Exception {
        byte[] payload = JDBC.sql("""
                        SELECT payload FROM eventstore.domain_event_entry
                         WHERE aggregate_identifier = :id AND sequence_number = :sequence""")
                .param("id", notificationId).param("sequence", sequence).query(byte[].class).single();
        return new ObjectMapper().readTree(payload);
    }
}
