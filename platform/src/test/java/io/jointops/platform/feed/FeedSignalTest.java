package io.jointops.platform.feed;

import io.jointops.platform.axon.ReplicaSignals;
import io.jointops.platform.axon.TestSignals;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed's readers are woken by a commit of this replica's feed processor and by another replica's signal. */
class FeedSignalTest {

    @Test
    void aReaderWaitingInOneReplicaIsWokenByTheOtherReplicasSignal() {
        ReplicaSignals replicas = new ReplicaSignals();
        FeedSignal signal = new FeedSignal(replicas);
        long seen = signal.commits();
        assertThat(signal.awaitAfter(seen, Duration.ofMillis(50))).as("woken without a commit").isFalse();

        TestSignals.receive(replicas, "another-topic");
        assertThat(signal.awaitAfter(seen, Duration.ofMillis(50))).as("woken by another topic").isFalse();

        TestSignals.receive(replicas, FeedSignal.TOPIC);
        assertThat(signal.awaitAfter(seen, Duration.ofMillis(50))).as("woken by the other replica's signal").isTrue();
    }

    @Test
    void aCommitHereWakesThisReplicasReadersAndIsSignalledToTheOthers() {
        ReplicaSignals sent = new ReplicaSignals();
        FeedSignal here = new FeedSignal(sent);
        ReplicaSignals received = new ReplicaSignals();
        FeedSignal there = new FeedSignal(received);
        TestSignals.sendTo(sent, received);
        long seenHere = here.commits();
        long seenThere = there.commits();

        here.committedHere();

        assertThat(here.awaitAfter(seenHere, Duration.ofMillis(50))).isTrue();
        assertThat(there.awaitAfter(seenThere, Duration.ofMillis(50))).as("the other replica's readers").isTrue();
    }
}
