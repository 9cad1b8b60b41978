package io.jointops.platform.web;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.messaging.RemoteHandlingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A database the service cannot reach right now (PostgreSQL restarting, the pool finding no connection) is the
 * platform's passing condition, not a bug of the request: it is answered 503 with {@code Retry-After}, so a client
 * retries (with the same {@code Idempotency-Key} for a create) instead of taking a 500 for a final failure.
 * <p>
 * Spring, Hikari, Axon and the distributed command bus wrap the failure in their own exceptions, so the whole cause
 * chain is looked at. Consulted last, after every other handler: anything else goes on unchanged to Spring's own
 * handling (e.g. an {@code AccessDeniedException} to Spring Security).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    /** About what the pool needs to find the database again once it is back (its connection timeout is 5 s). */
    static final String RETRY_AFTER_SECONDS = "5";

    /** PostgreSQL's "shutting down" (admin, crash) and "starting up" states; class 08 is any connection failure. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** What a peer's failure looks like once the command bus has flattened it into descriptions ("class: message"). */
    private static final List<String> REMOTE_TYPES = List.of(
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "java.sql.SQLTransientConnectionException",
            "java.sql.SQLNonTransientConnectionException");

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> lastResort(Exception ex) throws Exception {
        if (!causedBy(ex)) {
            throw ex; // not ours: the next resolvers (and Spring Security) handle the original as before
        }
        return problem(ex);
    }

    /** Whether the database being unreachable is anywhere in the failure's cause chain. */
    static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>(List.of(failure));
        while (!next.isEmpty()) {
            Throwable t = next.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (isOutage(t) || statementOnClosedConnection(t)) {
                return true;
            }
            if (t instanceof RemoteHandlingException remote
                    && remote.getExceptionDescriptions().stream().anyMatch(DatabaseUnavailable::describesOutage)) {
                return true;
            }
            // a rollback that failed on the broken connection ("Connection is closed") hides what broke it
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                next.push(rollback.getApplicationException());
            }
            if (t.getCause() != null) {
                next.push(t.getCause());
            }
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> problem(Throwable ex) {
        // no stack trace: during an outage every request ends here, and the cause says all there is
        log.warn("Answered 503, the database is not reachable: {}", rootMessage(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now; retry in a few seconds.");
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    private static boolean isOutage(Throwable t) {
        return t instanceof DataAccessResourceFailureException // also CannotGetJdbcConnectionException
                || t instanceof TransientDataAccessResourceException
                || t instanceof CannotCreateTransactionException // no connection to begin a transaction on
                || t instanceof SQLTransientConnectionException // Hikari: none within its connection timeout
                || t instanceof SQLNonTransientConnectionException
                || (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState())));
    }

    /**
     * A connection the pool closed under the request: Hikari closes a connection it holds out only once a statement on
     * it failed with a connection error, and that failure is not always kept. Axon swallows some (a snapshot read is
     * retried as a full read) and then cannot create a statement (the bench's crash test, 2026-12-05 01:00); a commit
     * cut by a restart is translated by Spring's {@code JdbcTransactionManager}, which then rolls back on the closed
     * connection and throws the rollback's failure, only logging the commit's (the crash test, 2026-12-06 15:21: a
     * 500 for a create whose commit the restart cut, whose outcome the client must learn by retrying with its key).
     * Hikari's "Connection is closed", which has no SQL state, is then the only trace. A rollback that failed after an
     * application exception is judged by that exception instead (above).
     */
    private static boolean statementOnClosedConnection(Throwable t) {
        boolean closedUnder = t instanceof JdbcException
                || (t instanceof TransactionSystemException rollback && rollback.getApplicationException() == null);
        return closedUnder && t.getCause() instanceof SQLException sql && sql.getSQLState() == null
                && "Connection is closed".equals(sql.getMessage());
    }

    private static boolean describesOutage(String description) {
        return REMOTE_TYPES.stream().anyMatch(type -> description.startsWith(type + ":"));
    }

    private static String rootMessage(Throwable ex) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable root = ex;
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
