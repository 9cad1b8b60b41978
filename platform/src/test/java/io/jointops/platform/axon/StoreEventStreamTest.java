package io.jointops.platform.axon;

import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreEventStreamTest {

    final List<TrackedEventMessage<?>> table = new ArrayList<>();
    final List<TrackingToken> readsAfter = new ArrayList<>();
    final AtomicInteger closed = new AtomicInteger();

    StoreEventStream stream = new StoreEventStream(null, (token, reach) -> readAfter(token), s -> closed.incrementAndGet());

    /** Reads at most two events, and says more may follow when it read two (like the engine's full range). */
    StoreEventStream.Batch readAfter(TrackingToken token) {
        readsAfter.add(token);
        long after = token == null ? -1 : ((GlobalSequenceTrackingToken) token).getGlobalIndex();
        List<TrackedEventMessage<?>> events = table.stream()
                .filter(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex() > after)
                .limit(2)
                .toList();
        return new StoreEventStream.Batch(events, events.size() == 2);
    }

    void commit(String payload) {
        table.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(table.size()),
                GenericEventMessage.asEventMessage(payload)));
    }

    @Test
    void readsInBatchesFromTheLastEventRead() throws InterruptedException {
        commit("a");
        commit("b");
        commit("c");

        assertThat(stream.nextAvailable().getPayload()).isEqualTo("a");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("b");
        assertThat(stream.peek().map(e -> (Object) e.getPayload())).contains("c");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("c");
        assertThat(readsAfter).containsExactly(null, new GlobalSequenceTrackingToken(1));
    }

    @Test
    void aReadThatReachedTheHeadWaitsForNewsBeforeReadingAgain() throws InterruptedException {
        commit("a");

        assertThat(stream.nextAvailable().getPayload()).isEqualTo("a");
        commit("b"); // committed, but not announced yet
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(readsAfter).hasSize(1);

        stream.eventsCommitted();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("b");
    }

    @Test
    void looksWithoutNewsDoNotReadTheTableAgain() {
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable()).isFalse();

        assertThat(readsAfter).hasSize(1);
    }

    @Test
    void aCommitTellsTheProcessorAndTheNextLookReadsIt() {
        AtomicInteger told = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(told::incrementAndGet)).as("callback supported").isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();

        commit("a");
        stream.eventsCommitted();

        assertThat(told).hasValue(1);
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(readsAfter).hasSize(2);
    }

    @Test
    void aWaitingReaderIsWokenByACommit() throws InterruptedException {
        assertThat(stream.hasNextAvailable()).isFalse();
        Thread committer = new Thread(() -> {
            sleep(200);
            commit("late");
            stream.eventsCommitted();
        });
        committer.start();

        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("late");
        committer.join();
    }

    @Test
    void aCommitDoesNotWaitForAReadInProgress() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StoreEventStream slow = new StoreEventStream(null, (token, reach) -> {
            reading.countDown();
            await(release);
            return readAfter(token);
        }, s -> closed.incrementAndGet());
        AtomicInteger told = new AtomicInteger();
        slow.setOnAvailableCallback(told::incrementAndGet);
        Thread processor = new Thread(slow::hasNextAvailable);
        processor.start();
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();

        // the committing thread (a request's) is told through the callback, not held until the read ends
        CompletableFuture<Void> announced = CompletableFuture.runAsync(slow::eventsCommitted);
        try {
            announced.get(2, TimeUnit.SECONDS);
            assertThat(told).hasValue(1);
        } finally {
            release.countDown();
            processor.join();
        }
    }

    @Test
    void aFailedReadIsRetriedAtTheNextLook() {
        AtomicInteger attempts = new AtomicInteger();
        StoreEventStream failingOnce = new StoreEventStream(null, (token, reach) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return readAfter(token);
        }, s -> { });
        commit("a");

        assertThatThrownBy(failingOnce::hasNextAvailable).hasMessage("database down");
        assertThat(failingOnce.hasNextAvailable()).isTrue();
    }

    @Test
    void closingForgetsTheCallbackAndDeregisters() {
        AtomicInteger told = new AtomicInteger();
        stream.setOnAvailableCallback(told::incrementAndGet);

        stream.close();
        stream.eventsCommitted();

        assertThat(closed).hasValue(1);
        assertThat(told).hasValue(0);
    }

    @Test
    void aStreamOfSomeTypesIsWokenOnlyByCommitsOfThoseOrOfTypesNotTold() {
        AtomicInteger told = new AtomicInteger();
        StoreEventStream typed = new StoreEventStream(null, Set.of("A"), (token, reach) -> readAfter(token), s -> { });
        typed.setOnAvailableCallback(told::incrementAndGet);
        assertThat(typed.hasNextAvailable()).isFalse();

        commit("b");
        typed.eventsCommitted(Set.of("B", "C"));
        assertThat(told).as("not woken by other types").hasValue(0);
        assertThat(typed.hasNextAvailable()).as("and reads nothing at its next look").isFalse();
        assertThat(readsAfter).hasSize(1);

        typed.eventsCommitted(Set.of("C", "A"));
        assertThat(told).hasValue(1);
        typed.eventsCommitted(Set.of());
        assertThat(told).as("a notice without types wakes every stream").hasValue(2);
        assertThat(typed.hasNextAvailable()).isTrue();
        assertThat(readsAfter).hasSize(2);
    }

    @Test
    void theNextReadStartsAfterWhatTheLastOneSkipped() {
        List<TrackingToken> after = new ArrayList<>();
        StoreEventStream skipping = new StoreEventStream(null, (token, reach) -> {
            after.add(token);
            return new StoreEventStream.Batch(List.of(), false, new GlobalSequenceTrackingToken(41));
        }, s -> { });

        assertThat(skipping.hasNextAvailable()).isFalse();
        skipping.eventsCommitted();
        assertThat(skipping.hasNextAvailable()).isFalse();

        assertThat(after).containsExactly(null, new GlobalSequenceTrackingToken(41));
    }

    @Test
    void theReachDoublesWhileReadsFindNothingWantedAndFallsBackOnceOneDoes() throws InterruptedException {
        List<Integer> reaches = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        StoreEventStream passing = new StoreEventStream(null, Set.of("A"), (token, reach) -> {
            reaches.add(reach);
            long at = reads.incrementAndGet();
            List<TrackedEventMessage<?>> events = List.of(new GenericTrackedEventMessage<>(
                    new GlobalSequenceTrackingToken(at), GenericEventMessage.asEventMessage(
                            at == 9 ? "wanted" : new NotifyingEventStorageEngine.PassedOver(at))));
            return new StoreEventStream.Batch(events, at < 11);
        }, s -> { });

        for (int i = 0; i < 11; i++) {
            assertThat(passing.hasNextAvailable()).isTrue();
            passing.nextAvailable();
        }

        assertThat(reaches).as("doubled up to MAX_REACH, and back to 1 after the read that found a wanted event")
                .containsExactly(1, 2, 4, 8, 16, 32, 64, 64, 64, 1, 2);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
