package io.jointops.platform.notary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which new events are final, the way Axon's gap handling decides it: the global index is handed out at insert, so a
 * position missing below a stored one may still be filled by a transaction that has not committed yet. A missing
 * position counts as given up once the first stored event after it is older than the gap timeout (Axon's
 * {@code JdbcEventStorageEngine} drops such a gap from its tokens then); until then nothing after it is final.
 */
final class Frontier {

    /** A stored event after the tree's last position: where it is and when it was stored. */
    record Candidate(long position, Instant timestamp) {
    }

    private Frontier() {
    }

    /**
     * How many of {@code candidates} (ascending by position, all after {@code lastPosition}) the tree may take now:
     * a prefix in which each event either directly follows the one before or comes after a gap given up on.
     */
    static int finalCount(long lastPosition, List<Candidate> candidates, Instant now, Duration gapTimeout) {
        long expected = lastPosition + 1;
        Instant givenUpBefore = now.minus(gapTimeout);
        int count = 0;
        for (Candidate candidate : candidates) {
            if (candidate.position() != expected && !candidate.timestamp().isBefore(givenUpBefore)) {
                break; // a gap below it may still be filled
            }
            expected = candidate.position() + 1;
            count++;
        }
        return count;
    }
}
