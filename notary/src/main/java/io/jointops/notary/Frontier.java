package io.jointops.notary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which new events are final. The global index is handed out at insert, so a position missing below a stored one may
 * still be filled by a transaction that has not committed yet. A missing position is settled (given up for good)
 * <ul>
 * <li>once no transaction is running that began before the event after it was first seen committed: the transaction
 *     that took the missing position took it before that event's, so it began earlier; if none that old is running,
 *     it rolled back (the notary asks PostgreSQL, when it may see every session's transaction start); or</li>
 * <li>once the first stored event after it is older than the gap timeout (Axon's {@code JdbcEventStorageEngine} drops
 *     such a gap from its tokens then), whatever PostgreSQL says.</li>
 * </ul>
 * Until then nothing after it is final.
 */
final class Frontier {

    /**
     * A stored event after the tree's last position: where it is, when it was stored (its time stamp), and when the
     * notary first read it committed (database clock; null if not known).
     */
    record Candidate(long position, Instant timestamp, Instant firstSeen) {
        Candidate(long position, Instant timestamp) {
            this(position, timestamp, null);
        }
    }

    private Frontier() {
    }

    /**
     * How many of {@code candidates} (ascending by position, all after {@code lastPosition}) the tree may take now:
     * a prefix in which each event either directly follows the one before or comes after a gap given up on.
     */
    static int finalCount(long lastPosition, List<Candidate> candidates, Instant now, Duration gapTimeout) {
        return finalCount(lastPosition, candidates, now, gapTimeout, null);
    }

    /**
     * As above, where {@code oldestTransactionStart} is when the oldest transaction running (other than the notary's)
     * began, read before the candidates were (database clock; {@link Instant#MAX} for none running; null if unknown).
     */
    static int finalCount(long lastPosition, List<Candidate> candidates, Instant now, Duration gapTimeout,
                          Instant oldestTransactionStart) {
        long expected = lastPosition + 1;
        Instant givenUpBefore = now.minus(gapTimeout);
        int count = 0;
        for (Candidate candidate : candidates) {
            boolean settled = candidate.timestamp().isBefore(givenUpBefore)
                    || (oldestTransactionStart != null && candidate.firstSeen() != null
                    && candidate.firstSeen().isBefore(oldestTransactionStart));
            if (candidate.position() != expected && !settled) {
                break; // a gap below it may still be filled
            }
            expected = candidate.position() + 1;
            count++;
        }
        return count;
    }
}
