package io.jointops.platform.web;

import io.jointops.api.shared.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.RemoteExceptionDescription;
import org.axonframework.messaging.RemoteHandlingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DatabaseUnavailableTest {

    /** What Hikari throws when it finds no connection within its timeout, with the driver's refusal as cause. */
    static SQLTransientConnectionException poolTimeout() {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms",
                "08001", new SQLException("Connection to localhost:15432 refused", "08001"));
    }

    @Test
    void anUnreachableDatabaseAnywhereInTheCauseChainIsRecognised() {
        assertThat(DatabaseUnavailable.causedBy(poolTimeout())).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout()))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                poolTimeout()))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new TransientDataAccessResourceException("retry"))).isTrue();
        // Axon: the event store's JdbcException (an AxonTransientException) under an EventStoreException under the
        // command's CommandExecutionException
        assertThat(DatabaseUnavailable.causedBy(new CommandExecutionException("command failed",
                new EventStoreException("could not load aggregate", new JdbcException("could not read events", poolTimeout())))))
                .isTrue();
        // a connection cut mid-statement (PostgreSQL restarting: "terminating connection due to administrator command")
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("wrapped",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("An I/O error occurred while sending to the backend", "08006")))
                .isTrue();
        // a statement cut by the restart, then the rollback failing on the closed connection: the rollback's failure is
        // thrown, the statement's is kept beside it (seen in DatabaseUnavailableIT)
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(DatabaseUnavailable.causedBy(rollbackFailed)).isTrue();
        // a commit cut by the restart: Spring's JdbcTransactionManager rolls back on the connection the pool closed and
        // throws the rollback's failure alone, the commit's only logged (the crash test of 2026-12-06: answered 500)
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("deadlock detected", "40P01")))).as("a rollback failing for another reason").isFalse();
        TransactionSystemException afterABug = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        afterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseUnavailable.causedBy(afterABug)).as("judged by the application's exception").isFalse();
        // a statement Axon could not create on a connection the pool closed after it broke (the cause swallowed by
        // Axon's snapshot read): the crash test's PUT during the PostgreSQL restart
        assertThat(DatabaseUnavailable.causedBy(new CommandExecutionException("command failed",
                new JdbcException("Failed to create a SQL statement", new SQLException("Connection is closed")))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new JdbcException("Failed to create a SQL statement",
                new SQLException("syntax error", "42601")))).isFalse();
    }

    @Test
    void aPeersUnreachableDatabaseIsRecognisedFromTheCommandBusDescription() {
        // the distributed command bus sends a failure back as descriptions ("class: message") only
        RemoteHandlingException remote = new RemoteHandlingException(RemoteExceptionDescription.describing(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", poolTimeout())));
        assertThat(DatabaseUnavailable.causedBy(new CommandExecutionException("remote failure", remote))).isTrue();

        RemoteHandlingException otherRemote = new RemoteHandlingException(RemoteExceptionDescription.describing(
                new IllegalArgumentException("java.sql.SQLTransientConnectionException: only mentioned in a message")));
        assertThat(DatabaseUnavailable.causedBy(new CommandExecutionException("remote failure", otherRemote))).isFalse();
    }

    @Test
    void otherFailuresAreNotTakenForAnOutage() {
        assertThat(DatabaseUnavailable.causedBy(new IllegalArgumentException("bad"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new DuplicateKeyException("duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("not null"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("statement timeout", "57014"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new CommandExecutionException("refused", null,
                new Rejection(Rejection.Reason.NOT_FOUND, null, "no such case")))).isFalse();
        // a cause chain that loops ends
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(DatabaseUnavailable.causedBy(a)).isFalse();
    }

    /** Throws what the test hands it, as a controller whose database is gone would. */
    @RestController
    static class Failing {
        static final Map<String, Supplier<RuntimeException>> FAILURES = Map.of(
                "jdbc", () -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout()),
                "command", () -> new CommandExecutionException("command failed",
                        new EventStoreException("could not load", new JdbcException("could not read", poolTimeout()))),
                "remote", () -> new CommandExecutionException("remote failure", new RemoteHandlingException(
                        RemoteExceptionDescription.describing(new CannotGetJdbcConnectionException("gone", poolTimeout())))),
                "rejected", () -> new CommandExecutionException("refused", null,
                        new Rejection(Rejection.Reason.NOT_FOUND, null, "no such case")),
                "denied", () -> new AccessDeniedException("no"),
                "bug", () -> new IllegalStateException("a bug"));

        @GetMapping("/fail/{kind}")
        String fail(@PathVariable String kind) {
            throw FAILURES.get(kind).get();
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemResponses(), new DatabaseUnavailable()).build();

    @Test
    void everyRequestThatMetAnUnreachableDatabaseIsAnswered503ProblemWithRetryAfter() throws Exception {
        for (String kind : new String[] {"jdbc", "command", "remote"}) {
            mvc.perform(get("/fail/" + kind))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.title").value("Database unavailable"))
                    .andExpect(jsonPath("$.status").value(503))
                    // nothing internal reaches the caller
                    .andExpect(jsonPath("$.detail").value("The service cannot reach its database right now; retry in a few seconds."));
        }
    }

    @Test
    void otherFailuresAreHandledAsBefore() throws Exception {
        mvc.perform(get("/fail/rejected")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // left to Spring Security's translation (a 403 problem in a service), not turned into a 503 or 500 here
        assertThatThrownBy(() -> mvc.perform(get("/fail/denied"))).hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mvc.perform(get("/fail/bug"))).hasRootCauseInstanceOf(IllegalStateException.class);
    }
}
