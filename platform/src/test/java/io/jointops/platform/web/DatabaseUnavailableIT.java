package io.jointops.platform.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jointops.platform.test.TestService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A real PostgreSQL (its own, not the shared test database: this test stops it) behind a Hikari pool as the services
 * configure it, read and written the three ways the services do (JdbcClient, a Spring transaction, Axon's JDBC event
 * store). While PostgreSQL is down every request is answered 503 problem with Retry-After; once it is started again
 * (the embedded library's own start, same data directory and port) the same pool serves again without any action.
 */
class DatabaseUnavailableIT {

    @TempDir
    static Path data;
    static int port;
    static EmbeddedPostgres postgres;
    static HikariDataSource pool;
    static MockMvc mvc;

    @RestController
    static class Probe {
        final JdbcClient jdbc = JdbcClient.create(pool);
        final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        final JdbcEventStorageEngine events = JdbcEventStorageEngine.builder()
                .connectionProvider(pool::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .build();

        @GetMapping("/read")
        Integer read() {
            return jdbc.sql("SELECT count(*) FROM probe").query(Integer.class).single();
        }

        @PostMapping("/write")
        Integer write() {
            return transactions.execute(status -> jdbc.sql("INSERT INTO probe VALUES (1)").update());
        }

        @GetMapping("/events")
        Long events() {
            return events.readEvents("aggregate-1").asStream().count();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        port = TestService.freePort();
        postgres = postgres();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(1000); // the services wait 5 s; the test need not
        pool = new HikariDataSource(config);
        JdbcClient.create(pool).sql("CREATE TABLE probe (n int)").update();
        Probe probe = new Probe();
        probe.events.createSchema(PostgresEventTableFactory.INSTANCE);
        mvc = MockMvcBuilders.standaloneSetup(probe)
                .setControllerAdvice(new ProblemResponses(), new DatabaseUnavailable()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pool != null) pool.close();
        if (postgres != null) postgres.close();
    }

    private static EmbeddedPostgres postgres() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    @Test
    void whileThePoolCannotReachPostgresEveryRequestIs503ProblemAndItServesAgainOnceBack() throws Exception {
        mvc.perform(get("/read")).andExpect(status().isOk());
        mvc.perform(post("/write")).andExpect(status().isOk());
        mvc.perform(get("/events")).andExpect(status().isOk());

        postgres.close(); // fast shutdown; the data directory stays
        postgres = null;
        for (ResultActions answer : new ResultActions[] {
                mvc.perform(get("/read")), mvc.perform(post("/write")), mvc.perform(get("/events"))}) {
            answer.andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.title").value("Database unavailable"));
        }

        postgres = postgres();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            status = mvc.perform(get("/read")).andReturn().getResponse().getStatus();
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).as("the same pool serves again once PostgreSQL is back").isEqualTo(200);
        mvc.perform(post("/write")).andExpect(status().isOk());
        mvc.perform(get("/read")).andExpect(status().isOk()).andExpect(content().string("2"));
        mvc.perform(get("/events")).andExpect(status().isOk()).andExpect(content().string("0"));
    }
}
