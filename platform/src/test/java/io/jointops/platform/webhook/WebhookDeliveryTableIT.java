package io.jointops.platform.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher's queue on a real PostgreSQL: what it claims, and how long it may sleep. */
class WebhookDeliveryTableIT {

    static JdbcClient jdbc;
    static WebhookDeliveryTable table;

    @BeforeAll
    static void database() {
        DataSource dataSource = TestDatabase.ownDatabase("webhook_deliveries", false);
        Flyway.configure().dataSource(dataSource).schemas("public").locations("classpath:db/processing").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        table = new WebhookDeliveryTable(jdbc, new ObjectMapper(), "cases");
    }

    @Test
    void withNothingWaitingTheDispatcherIsToldSoAndSleepsInsteadOfLookingAgainAtOnce() {
        jdbc.sql("DELETE FROM webhook_delivery").update();
        // an empty queue once answered "due now" (GREATEST(0, NULL) is 0): every service looked again without end,
        // thousands of statements a second on an idle platform
        assertThat(table.untilNextDue()).isEmpty();

        table.add(List.of(new WebhookDeliveryTable.New("webhook-1", "US-DEA", "case", "case-1", 0, "CaseOpenedEvent")));
        assertThat(table.untilNextDue()).contains(Duration.ZERO);

        assertThat(table.claim(10, Duration.ofMinutes(1))).hasSize(1);
        Optional<Duration> leased = table.untilNextDue();
        assertThat(leased).get().satisfies(wait -> assertThat(wait)
                .isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(table.claim(10, Duration.ofMinutes(1))).as("leased: not claimed twice").isEmpty();
    }
}
