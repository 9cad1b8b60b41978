package io.jointops.notary;

import io.jointops.platform.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps in global positions on a real PostgreSQL, with a gap timeout far longer than the test: a position held by a
 * transaction still running keeps everything after it out of the tree until that transaction commits (the event is
 * then taken, not skipped), and a position whose insert rolled back is settled at the notary's next run, not after
 * the gap timeout.
 */
class NotaryGapIT {

    static DriverManagerDataSource dataSource;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() throws SQLException {
        dataSource = TestDatabase.ownDatabase("notary_gap", true);
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aPositionHeldByARunningTransactionWaitsForItAndARolledBackOneIsSettledAtTheNextRun() throws Exception {
        NotaryProperties properties = new NotaryProperties();
        properties.setGapTimeout(Duration.ofHours(1));
        Notary notary = new Notary(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                properties, new AgencyKeys(Map.of()), Clock.systemUTC());

        insert(jdbc.getDataSource().getConnection(), true);                       // position 1
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            insert(open, false);                                                   // position 2, not committed
            insert(jdbc.getDataSource().getConnection(), true);                    // position 3
            notary.notarize();
            notary.notarize();
            assertThat(notary.size()).as("position 2 may still commit: nothing after it is final").isEqualTo(1);
            open.commit();
        }
        notary.notarize();
        assertThat(notary.size()).as("the late commit is taken, not skipped").isEqualTo(3);
        assertThat(notary.leafAt(2)).contains(1L);

        try (Connection rolledBack = dataSource.getConnection()) {
            rolledBack.setAutoCommit(false);
            insert(rolledBack, false);                                             // position 4, rolled back
            rolledBack.rollback();
        }
        insert(jdbc.getDataSource().getConnection(), true);                        // position 5
        Instant start = Instant.now();
        notary.notarize(); // first sees position 5
        notary.notarize(); // no transaction began before that: position 4 can never be filled
        assertThat(notary.size()).isEqualTo(4);
        assertThat(notary.leafAt(5)).contains(3L);
        assertThat(notary.leafAt(4)).isEmpty();
        assertThat(Duration.between(start, Instant.now())).isLessThan(properties.getGapTimeout());
    }

    private static void insert(Connection connection, boolean close) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'GapTest', ?, 'io.jointops.GapTested', '1', ?, ?)""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        } finally {
            if (close) {
                connection.close();
            }
        }
    }
}
