package io.jointops.platform.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * Axon's JDBC token store, with what idle processors ask of it answered in few statements:
 * <ul>
 * <li>Every idle segment of every processor asks for its claim to be extended each claim interval; Axon's store
 *     answers each with a locking read and an update (64 statements every 10 s in a service of 8 processors of 4
 *     segments). Here the first ask of an interval extends all of the node's claims at once and learns which it
 *     holds; a segment among them is done, any other (claimed since, lost to another node, or its row locked by a
 *     batch committing just then) takes Axon's own path, which refuses a lost claim.</li>
 * <li>Every processor looks for segments to claim every few seconds (after an error, that look is its retry).
 *     Here the answer is kept for {@code searchRefresh} unless this node changed a claim of the processor (released
 *     one after an error, reset or initialised its tokens), which is asked again at once; only another node's
 *     changes are seen that much later, or when another replica tells it released one ({@link #searchAgain()}).</li>
 * </ul>
 */
final class SharedClaimTokenStore extends JdbcTokenStore {

    private final JdbcClient jdbc;
    private final TokenSchema schema;
    private final String nodeId;
    private final Duration refresh;
    private final Clock clock;
    private final Duration searchRefresh;
    private final Map<String, Search> searches = new ConcurrentHashMap<>();
    private Instant extendedAt = Instant.MIN;
    private Set<String> held = Set.of();
    private volatile Runnable released = () -> {
    };
    /** When every processor's next search asks the database again ({@code null}: not due). */
    private volatile Instant searchAllAgainAt;

    /**
     * @param refresh       how long one extension of all claims answers the segments' asks: a claim can be up to
     *                      {@code refresh} plus the processors' claim-extension interval old before it is extended
     *                      again, which must stay below the claim timeout (10 s + 10 s against 30 s by default)
     * @param searchRefresh how long a processor's search for segments is answered from the last one
     */
    SharedClaimTokenStore(Builder builder, JdbcClient jdbc, TokenSchema schema, String nodeId, Duration refresh,
                          Duration searchRefresh, Clock clock) {
        super(builder.nodeId(nodeId));
        this.jdbc = jdbc;
        this.schema = schema;
        this.nodeId = nodeId;
        this.refresh = refresh;
        this.searchRefresh = searchRefresh;
        this.clock = clock;
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        Instant now = clock.instant();
        Instant again = searchAllAgainAt;
        if (again != null && !now.isBefore(again)) {
            searchAllAgainAt = null;
            searches.clear();
        }
        Search last = searches.get(processorName);
        if (last != null && now.isBefore(last.at().plus(searchRefresh))) {
            return last.segments();
        }
        List<Segment> segments = super.fetchAvailableSegments(processorName);
        searches.put(processorName, new Search(now, segments));
        return segments;
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        searches.remove(processorName);
        super.releaseClaim(processorName, segment);
        released.run();
    }

    /** What to do after this node released a claim: tell the service's other replicas, which may take the segment. */
    void whenReleased(Runnable released) {
        this.released = released;
    }

    /** The next search of every processor asks the database: another node released a segment. */
    void searchAgain() {
        searches.clear();
    }

    /**
     * The first search of every processor after {@code delay} asks the database: a node that stopped without
     * releasing its claims (killed, or its host lost) leaves them to the others once they have timed out.
     */
    void searchAgainAfter(Duration delay) {
        searchAllAgainAt = clock.instant().plus(delay);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        searches.remove(processorName);
        super.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        searches.remove(processorName);
        super.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        searches.remove(processorName);
        super.deleteToken(processorName, segment);
    }

    private record Search(Instant at, List<Segment> segments) {
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        if (!heldAfterExtending().contains(key(processorName, segment))) {
            super.extendClaim(processorName, segment);
        }
    }

    private synchronized Set<String> heldAfterExtending() {
        Instant now = clock.instant();
        if (now.isBefore(extendedAt.plus(refresh))) {
            return held;
        }
        // SKIP LOCKED: a row is locked while its processor's batch commits (its token is stored first, and a batch
        // may then wait for another view, as the partner feed does); waiting for it here would hold every other row
        // of the node, and so the views that batch waits for. A skipped segment takes Axon's own path.
        String table = schema.tokenTable();
        String processor = schema.processorNameColumn();
        String segment = schema.segmentColumn();
        Set<String> extended = new HashSet<>(jdbc.sql("UPDATE " + table + " t SET " + schema.timestampColumn()
                        + " = :now FROM (SELECT " + processor + ", " + segment + " FROM " + table + " WHERE "
                        + schema.ownerColumn() + " = :node FOR UPDATE SKIP LOCKED) mine WHERE t." + processor
                        + " = mine." + processor + " AND t." + segment + " = mine." + segment + " RETURNING t."
                        + processor + ", t." + segment)
                .param("now", DateTimeUtils.formatInstant(now))
                .param("node", nodeId)
                .query((row, n) -> key(row.getString(1), row.getInt(2)))
                .list());
        held = extended;
        extendedAt = now;
        return extended;
    }

    private static String key(String processorName, int segment) {
        return processorName + "#" + segment;
    }
}
