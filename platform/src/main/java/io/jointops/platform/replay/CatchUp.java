package io.jointops.platform.replay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Brings a view whose tokens were just reset up to the head of its stream by handing its events straight to its
 * handlers, in batches of one transaction each (the handlers' writes and every segment's token), while its processor
 * is stopped; the processor then goes on from the stored tokens.
 * <p>
 * Why: the pooled processor's per-event work (the coordinator's hand-off, a capacity check and a segment match per
 * work package, per-event monitors) bounded a rebuild at about 6,000 events/s (docs/performance.md), a fraction of
 * what reading the store and deserializing costs. Here one thread reads the view's stream in global order, which
 * keeps every segment's order; the tokens it stores are the processor's own (a {@link ReplayToken} until the position
 * at reset, then the plain token), so progress, readers' 503 and a restart mid-way behave as in a processor's replay.
 */
final class CatchUp {

    private static final int WAIT_FOR_EVENTS_MILLIS = 200;

    private final String processorName;
    private final EventHandlerInvoker handlers;
    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final int batchSize;

    CatchUp(String processorName, EventHandlerInvoker handlers, StreamableMessageSource<TrackedEventMessage<?>> source,
            TokenStore tokens, TransactionManager transactions, int batchSize) {
        this.processorName = processorName;
        this.handlers = handlers;
        this.source = source;
        this.tokens = tokens;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /**
     * Handles the events after the stored tokens until none is left (or {@code stop} says so); returns how many.
     * The stored tokens must be the reset's: one {@link ReplayToken} per segment, all at the same start.
     */
    long run(BooleanSupplier stop) throws Exception {
        int[] segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(processorName));
        // all the same after a reset: the replay's start, with the position each segment was reset from
        List<TrackingToken> stored = transactions.fetchInTransaction(() -> {
            List<TrackingToken> all = new ArrayList<>();
            for (int segment : segments) {
                all.add(tokens.fetchToken(processorName, segment)); // claims it: no other node takes it meanwhile
            }
            return all;
        });
        TrackingToken start = null;
        for (TrackingToken token : stored) {
            start = token;
            // a replay token around a replay token: stored by catch-ups before 2026-12-07 (see below)
            while (start instanceof ReplayToken replay) {
                start = replay.getCurrentToken();
            }
        }
        long handled = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(start)) {
            List<TrackingToken> current = new ArrayList<>(stored);
            while (!stop.getAsBoolean() && stream.hasNextAvailable(WAIT_FOR_EVENTS_MILLIS, TimeUnit.MILLISECONDS)) {
                List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
                TrackingToken last = null;
                while (batch.size() < batchSize && stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    last = event.trackingToken();
                    // the token a processor would have given it (first segment's reset position): a replay token
                    // up to the position at reset, so handlers that ask for the replay status get it
                    batch.add(event.withTrackingToken(advanced(current.get(0), last)));
                }
                if (!batch.isEmpty()) {
                    // advanced by the stream's own token: advanced by the batch's replay token instead, a replay
                    // token came to hold another, which no stream can be opened at after a restart
                    TrackingToken reached = last;
                    current.replaceAll(token -> advanced(token, reached));
                    handle(batch, segments, current);
                    handled += batch.size();
                }
            }
        } finally {
            transactions.executeInTransaction(() -> {
                for (int segment : segments) {
                    tokens.releaseClaim(processorName, segment);
                }
            });
        }
        return handled;
    }

    private void handle(List<TrackedEventMessage<?>> batch, int[] segments, List<TrackingToken> next) throws Exception {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.resources().put("Processor[" + processorName + "]/SegmentId", Segment.ROOT_SEGMENT.getSegmentId());
        unitOfWork.onPrepareCommit(done -> {
            for (int i = 0; i < segments.length; i++) {
                tokens.storeToken(next.get(i), processorName, segments[i]);
            }
        });
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> {
            handlers.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) { // rolled back, tokens included: the processor takes over from the last batch
            throw new IllegalStateException("a batch of the catch-up of " + processorName + " failed",
                    result.exceptionResult());
        }
    }

    private static TrackingToken advanced(TrackingToken token, TrackingToken to) {
        return token instanceof ReplayToken replay ? replay.advancedTo(to) : to;
    }
}
