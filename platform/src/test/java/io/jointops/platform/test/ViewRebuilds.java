package io.jointops.platform.test;

import io.jointops.platform.replay.ReplayProgress;
import io.jointops.platform.replay.ViewReplays;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Duration;
import java.util.Set;

/**
 * An erasure (or a shredding rectification) makes the service rebuild every view, after the request that caused it
 * was answered: a test that goes on reading views waits here first, or its reads meet views answering 503.
 */
public final class ViewRebuilds {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private ViewRebuilds() {
    }

    /** Waits until every view of the service was rebuilt; fails naming each view's state if that takes a minute. */
    public static void awaitDone(ViewReplays replays) throws InterruptedException {
        awaitDone(replays, replays.views());
    }

    /** Waits until each of {@code views}, rebuilt by this replica, is done; fails naming their states after a minute. */
    public static void awaitDone(ViewReplays replays, Set<String> views) throws InterruptedException {
        awaitDone(replays, views, LIMIT);
    }

    /** Waits until each of {@code views}, rebuilt by this replica, is done; fails naming their states after {@code limit}. */
    public static void awaitDone(ViewReplays replays, Set<String> views, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!views.stream().allMatch(view -> ReplayProgress.DONE.equals(replays.progress(view).state()))) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("views not rebuilt within " + limit + ": " + views.stream()
                        .map(view -> view + "=" + replays.progress(view).state()).toList());
            }
            Thread.sleep(200);
        }
    }

    /**
     * Waits until the processor of a view written with the commands has stopped (it runs only to catch up); fails
     * with the state of its segments if it still runs after 30 s.
     */
    public static void awaitProcessorStopped(Configuration axon, String view) throws InterruptedException {
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(view, StreamingEventProcessor.class).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (processor.isRunning() && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
        if (processor.isRunning()) {
            throw new AssertionError("the processor of " + view + " still runs: " + processor.processingStatus());
        }
    }
}
