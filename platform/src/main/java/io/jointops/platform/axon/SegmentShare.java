package io.jointops.platform.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many segments of a processor this replica may hold: its share of the processor's segments among the service's
 * live replicas, rounded up, so that together they hold every segment. Axon's pooled processors ask at each claim
 * search (every {@code claim-search-interval}), claim no more, and release what is above it. Without it the replica
 * started first claimed every segment and kept them: it processed every view and the others none.
 * <p>
 * The replicas are the connections listening on the service's replica channel ({@link EventStoreWakeUp#REGISTRY}),
 * under this service's own login (another login registering there cannot shrink the share); the segments are the
 * processor's rows in the token table. Both are counted in one statement, again after {@code refresh} or when
 * {@link #lookAgain()} is called (another replica released or claimed segments, or started or stopped). With one
 * replica, or without a replica channel, every processor may hold every segment, as with Axon's default.
 * <p>
 * A released segment is claimed by a replica below its share once that replica searches the token table again, which
 * the releasing replica's signal makes it do; should the signal be lost, or a replica listen without processing, a
 * segment that a count finds released at least {@code refresh} ago and claimed by nobody since may be claimed here
 * beyond the share for ten counts' time (or until the number of replicas changes): no part of a view waits for long.
 */
public final class SegmentShare implements MaxSegmentProvider {

    private static final Logger log = LoggerFactory.getLogger(SegmentShare.class);
    /** Axon's default: no limit. */
    static final int EVERY_SEGMENT = Short.MAX_VALUE;
    /** The replica signal that claims or replicas changed: the others count and search again. */
    static final String TOPIC = "segments";
    /** For how many counts' time a replica may hold every segment of a processor that had one nobody claimed. */
    static final int ORPHAN_COUNTS = 10;

    private final JdbcClient jdbc;
    private final String count;
    private final String replicaChannel;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Instant> heldOff = new ConcurrentHashMap<>();
    /** Until when this replica may hold every segment of a processor that had one nobody claimed. */
    private final Map<String, Instant> orphanedUntil = new ConcurrentHashMap<>();
    private volatile Counts counts = new Counts(Instant.MIN, 1, Map.of());
    private volatile Runnable replicasChanged = () -> {
    };

    /**
     * @param replicaChannel the service's replica channel ({@code null}: no notifications, so no replica is known)
     * @param refresh        how long a count answers
     */
    SegmentShare(JdbcClient jdbc, TokenSchema tokens, String replicaChannel, Duration refresh, Clock clock) {
        this.jdbc = jdbc;
        this.replicaChannel = replicaChannel;
        this.refresh = refresh;
        this.clock = clock;
        // per processor its segments and the earliest release nobody claimed since (a released segment's row keeps
        // the time of its release); the replicas as a row without a processor
        this.count = "SELECT " + tokens.processorNameColumn() + " AS processor, count(*) AS n, min("
                + tokens.timestampColumn() + ") FILTER (WHERE " + tokens.ownerColumn() + " IS NULL) AS released FROM "
                + tokens.tokenTable() + " GROUP BY " + tokens.processorNameColumn()
                + " UNION ALL SELECT NULL, count(DISTINCT l.backend_pid), NULL FROM " + EventStoreWakeUp.REGISTRY + " l"
                + " WHERE l.channel = :channel AND EXISTS (SELECT FROM pg_stat_activity a"
                + " WHERE a.pid = l.backend_pid AND a.usename = current_user)";
    }

    @Override
    public int getMaxSegments(String processor) {
        Instant now = clock.instant();
        Instant until = heldOff.get(processor);
        if (until != null) {
            if (now.isBefore(until)) {
                return 0;
            }
            heldOff.remove(processor, until);
        }
        Counts current = current(now);
        Integer segments = current.segments().get(processor);
        Instant orphaned = orphanedUntil.get(processor);
        if (current.replicas() <= 1 || segments == null || orphaned != null && now.isBefore(orphaned)) {
            return EVERY_SEGMENT;
        }
        return (segments + current.replicas() - 1) / current.replicas();
    }

    /** Counts again at the next ask: another replica changed claims, started or stopped. */
    void lookAgain() {
        counts = counts.stale();
    }

    /**
     * Holds none of {@code processor}'s segments for {@code duration}: another replica rebuilds the view and needs
     * every segment's claim for its reset. The processor releases what it holds at its next claim search.
     */
    public void holdOff(String processor, Duration duration) {
        heldOff.put(processor, clock.instant().plus(duration));
    }

    /** Holds its share of {@code processor}'s segments again: the other replica's reset is done. */
    public void endHoldOff(String processor) {
        heldOff.remove(processor);
    }

    /**
     * Keeps the replicas' claims moving: a segment this replica releases, or a new count of replicas, is signalled to
     * the others, which count again and search the token table at their next claim search, not after its refresh.
     * A replica gone without releasing its segments leaves them once its claims have timed out
     * ({@code claimTimeout}): then this one searches again too.
     */
    void coordinate(SharedClaimTokenStore tokens, ReplicaSignals signals, Duration claimTimeout) {
        tokens.whenReleased(() -> signals.signal(TOPIC));
        signals.onSignal(TOPIC, () -> {
            lookAgain();
            tokens.searchAgain();
        });
        replicasChanged = () -> {
            signals.signal(TOPIC);
            tokens.searchAgain(); // a replica gone left its segments to the others, this one among them
            tokens.searchAgainAfter(claimTimeout.plusSeconds(1));
        };
    }

    private Counts current(Instant now) {
        Counts current = counts;
        if (replicaChannel == null || now.isBefore(current.at().plus(refresh))) {
            return current;
        }
        synchronized (this) {
            current = counts;
            if (now.isBefore(current.at().plus(refresh))) {
                return current;
            }
            try {
                Map<String, Integer> segments = new HashMap<>();
                Map<String, Instant> released = new HashMap<>();
                int[] replicas = {1};
                jdbc.sql(count).param("channel", replicaChannel).query(row -> {
                    String processor = row.getString("processor");
                    if (processor == null) {
                        replicas[0] = Math.max(1, row.getInt("n"));
                    } else {
                        segments.put(processor, row.getInt("n"));
                        String at = row.getString("released");
                        try {
                            if (at != null) {
                                released.put(processor, DateTimeUtils.parseInstant(at));
                            }
                        } catch (DateTimeParseException notAxons) {
                            log.warn("{}: a released segment's time is not Axon's ({})", processor, at);
                        }
                    }
                });
                boolean changed = replicas[0] != current.replicas();
                if (changed) {
                    orphanedUntil.clear();
                }
                released.forEach((processor, at) -> {
                    if (!at.plus(refresh).isAfter(now)) {
                        // for a while: a replica that listens but processes nothing (stuck, or no replica at all)
                        // would otherwise leave a part of the view to nobody again at every count
                        orphanedUntil.put(processor, now.plus(refresh.multipliedBy(ORPHAN_COUNTS)));
                    }
                });
                current = new Counts(now, replicas[0], Map.copyOf(segments));
                counts = current;
                if (changed) {
                    log.info("{} replica(s) of this service: each holds at most its share of a processor's segments",
                            replicas[0]);
                    replicasChanged.run();
                }
                return current;
            } catch (DataAccessException e) {
                // never leave a segment to nobody: until the count succeeds, every segment may be held here
                log.warn("could not count the service's replicas ({}); this replica may hold every segment", e.toString());
                counts = new Counts(now, 1, Map.of());
                return counts;
            }
        }
    }

    private record Counts(Instant at, int replicas, Map<String, Integer> segments) {
        Counts stale() {
            return new Counts(Instant.MIN, replicas, segments);
        }
    }
}
