package io.jointops.platform.axon;

import io.jointops.platform.test.TestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Idle claims of all of a node's segments are extended in one statement, and a lost claim is still refused. */
class SharedClaimTokenStoreIT {

    static DriverManagerDataSource dataSource;
    static JdbcClient jdbc;

    @BeforeAll
    static void database() throws SQLException {
        dataSource = TestDatabase.ownDatabase("shared_claims", false);
        Flyway.configure().dataSource(dataSource).schemas("public").locations("classpath:db/processing").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void oneStatementExtendsEveryClaimOfTheNodeAndALostClaimIsRefused() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        SharedClaimTokenStore a = store("node-a", clock);
        JdbcTokenStore b = JdbcTokenStore.builder().connectionProvider(new DataSourceConnectionProvider(dataSource))
                .schema(schema()).serializer(JacksonSerializer.defaultSerializer()).nodeId("node-b").build();
        a.initializeTokenSegments("view", 4, new GlobalSequenceTrackingToken(0));
        for (int segment = 0; segment < 4; segment++) {
            a.fetchToken("view", segment); // claimed by node-a
        }
        String claimedAt = timestamp("view", 0);

        clock.now = clock.now.plusSeconds(11);
        a.extendClaim("view", 0); // the first ask of the interval extends all four
        List<String> stamps = List.of(timestamp("view", 0), timestamp("view", 1), timestamp("view", 2),
                timestamp("view", 3));
        assertThat(stamps).as("all of node-a's claims extended by the first ask").doesNotContain(claimedAt)
                .allMatch(stamps.get(0)::equals);
        jdbc.sql("UPDATE token_entry SET timestamp = '1999-01-01T00:00:00.000Z' WHERE processor_name = 'view'").update();
        for (int segment = 1; segment < 4; segment++) {
            a.extendClaim("view", segment); // answered by that one statement
        }
        assertThat(jdbc.sql("SELECT count(*) FROM token_entry WHERE timestamp = '1999-01-01T00:00:00.000Z'").query(Long.class).single())
                .as("no statement for the other segments within the interval").isEqualTo(4);

        // node-b took segment 2 just now (Axon's own path compares claims with the real clock)
        jdbc.sql("UPDATE token_entry SET owner = 'node-b', timestamp = :now WHERE processor_name = 'view' AND segment = 2")
                .param("now", org.axonframework.common.DateTimeUtils.formatInstant(Instant.now())).update();
        clock.now = clock.now.plusSeconds(11);
        assertThatThrownBy(() -> a.extendClaim("view", 2)).as("a claim another node took is refused")
                .isInstanceOf(UnableToClaimTokenException.class);
        a.extendClaim("view", 1);
        assertThat(b.fetchSegments("view")).hasSize(4);
    }

    @Test
    void aRowLockedByACommittingBatchDoesNotHoldTheOthers() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        SharedClaimTokenStore a = store("node-e", clock);
        a.initializeTokenSegments("feed", 1, new GlobalSequenceTrackingToken(0));
        a.initializeTokenSegments("shipments", 1, new GlobalSequenceTrackingToken(0));
        a.fetchToken("feed", 0);
        a.fetchToken("shipments", 0);
        String claimedAt = timestamp("shipments", 0);
        // the feed's batch stored its token and waits, its transaction open
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            batch.createStatement().executeUpdate(
                    "UPDATE token_entry SET timestamp = timestamp WHERE processor_name = 'feed'");
            clock.now = clock.now.plusSeconds(11);
            ExecutorService asker = Executors.newSingleThreadExecutor();
            try {
                asker.submit(() -> a.extendClaim("shipments", 0)).get(5, TimeUnit.SECONDS);
            } finally {
                asker.shutdownNow();
            }
            assertThat(timestamp("shipments", 0)).as("extended while the feed's row is locked")
                    .isNotEqualTo(claimedAt);
            batch.rollback();
        }
    }

    @Test
    void theSearchForSegmentsIsAnsweredFromTheLastUntilThisNodeChangesAClaim() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        SharedClaimTokenStore a = store("node-c", clock);
        a.initializeTokenSegments("search", 2, new GlobalSequenceTrackingToken(0));
        assertThat(a.fetchAvailableSegments("search")).hasSize(2);
        a.fetchToken("search", 0);
        a.fetchToken("search", 1);
        jdbc.sql("UPDATE token_entry SET owner = 'node-d', timestamp = :now WHERE processor_name = 'search'")
                .param("now", org.axonframework.common.DateTimeUtils.formatInstant(Instant.now())).update();

        assertThat(a.fetchAvailableSegments("search")).as("answered from the last search, no query").hasSize(2);
        clock.now = clock.now.plusSeconds(61);
        assertThat(a.fetchAvailableSegments("search")).as("another node's claims, seen after the refresh").isEmpty();

        jdbc.sql("UPDATE token_entry SET owner = 'node-c' WHERE processor_name = 'search' AND segment = 1").update();
        a.releaseClaim("search", 1); // this node's own change: asked again at once
        assertThat(a.fetchAvailableSegments("search")).extracting(org.axonframework.eventhandling.Segment::getSegmentId)
                .containsExactly(1);
    }

    @Test
    void aNodeGoneWithoutReleasingItsClaimsIsSearchedForAgainOnceTheyHaveTimedOut() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        SharedClaimTokenStore a = store("node-f", clock);
        a.initializeTokenSegments("crashed", 2, new GlobalSequenceTrackingToken(0));
        // node-g holds both, claimed just now, and is then killed: its claims stay in the table
        jdbc.sql("UPDATE token_entry SET owner = 'node-g', timestamp = :now WHERE processor_name = 'crashed'")
                .param("now", org.axonframework.common.DateTimeUtils.formatInstant(Instant.now())).update();
        assertThat(a.fetchAvailableSegments("crashed")).as("held by node-g").isEmpty();

        a.searchAgainAfter(Duration.ofSeconds(31)); // node-g counted gone
        jdbc.sql("UPDATE token_entry SET timestamp = '2000-01-01T00:00:00Z' WHERE processor_name = 'crashed'")
                .update(); // its claims timed out meanwhile
        clock.now = clock.now.plusSeconds(30);
        assertThat(a.fetchAvailableSegments("crashed")).as("before the time: the last search's answer").isEmpty();
        clock.now = clock.now.plusSeconds(2);
        assertThat(a.fetchAvailableSegments("crashed")).as("then asked again: both free, 28 s before the refresh")
                .hasSize(2);
    }

    private static String timestamp(String processor, int segment) {
        return jdbc.sql("SELECT timestamp FROM token_entry WHERE processor_name = :p AND segment = :s")
                .param("p", processor).param("s", segment).query(String.class).single();
    }

    private static SharedClaimTokenStore store(String node, Clock clock) {
        return new SharedClaimTokenStore(JdbcTokenStore.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .schema(schema())
                .serializer(JacksonSerializer.defaultSerializer())
                .claimTimeout(Duration.ofSeconds(30)),
                jdbc, schema(), node, Duration.ofSeconds(10), Duration.ofSeconds(60), clock);
    }

    /** The services' token schema, as their configuration declares it. */
    static TokenSchema schema() {
        return new EventStoreConfiguration().tokenSchema();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
