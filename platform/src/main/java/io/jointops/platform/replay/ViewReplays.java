package io.jointops.platform.replay;

import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.axon.ReplicaSignals;
import io.jointops.platform.axon.SegmentShare;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetNotSupportedException;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;

/**
 * Rebuilds a view while the service keeps running: the view's pooled streaming processor is stopped, its tokens are
 * reset (the projector's {@code @ResetHandler} empties its tables in the same transaction), its events up to the head
 * are handed to its handlers by a {@link CatchUp}, and the processor is started again from there. How far it is comes from the processor's stored tokens (so it is the
 * same on every replica and survives a restart): a segment is replaying until it has reached the position it had
 * when it was reset. Until every segment has, the view's readers refuse to answer ({@link #requireServing}).
 * <p>
 * The reset needs every segment's claim, and each replica of the service holds a share of them ({@link SegmentShare}):
 * the replica that starts a replay asks the others over the replica channel to let go of the view's segments for
 * {@link #HOLD_OFF}, and tries the reset until they have (at most {@link #RESET_WAIT}). From the reset on its claims
 * keep the others out until the catch-up is done, so it tells them to hold their share again; each takes it once the
 * catch-up has released the claims.
 */
public class ViewReplays {

    private static final Logger log = LoggerFactory.getLogger(ViewReplays.class);
    private static final Duration STATE_CACHE = Duration.ofMillis(250);
    /** Events per transaction of a catch-up: larger than a live batch, since nobody waits for one event of a replay. */
    private static final int CATCH_UP_BATCH = 1_000;
    /** The replica signal asking the others to let go of a view's segments: this prefix and the view's name. */
    public static final String LET_GO = "replay-";
    /** The replica signal that the reset is done: the others take their share again once the catch-up is. */
    static final String RESET_DONE = "replayed-";
    /** How long the reset waits for the other replicas to let go: they do at their next claim search (5 s). */
    static final Duration RESET_WAIT = Duration.ofSeconds(15);
    /** How long the other replicas hold none of the view's segments: until the reset has claimed them all. */
    static final Duration HOLD_OFF = RESET_WAIT.plusSeconds(5);
    private static final Duration ASK_AGAIN = Duration.ofSeconds(5);

    private final Configuration axon;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Set<String> views;
    /**
     * Views written with the commands ({@link LiveView}), with the payload types they take: their processors' tokens
     * stay where they last stopped.
     */
    private final Map<String, Set<String>> writtenWithCommands = new ConcurrentHashMap<>();
    private final Duration progressInterval;
    private final long retryAfterSeconds;
    /** How long a claim lasts unextended: a replica that stopped or died mid-way holds the view no longer after it. */
    private final Duration claimTimeout;
    private final Clock clock;
    private final ReplicaSignals replicas;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-replay-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService catchUps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "view-replay-catch-up");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Cached> states = new ConcurrentHashMap<>();

    /**
     * @param views            the processing groups an operator may rebuild (the service's views)
     * @param progressInterval how often progress is logged and the gauges are updated during a replay
     * @param replicas         signals to and from the service's other replicas
     * @param share            this replica's share of the processors' segments
     * @param claimTimeout     the token store's claim timeout
     */
    public ViewReplays(Configuration axon, JdbcClient jdbc, MeterRegistry meters, Set<String> views,
                       Duration progressInterval, long retryAfterSeconds, Clock clock, ReplicaSignals replicas,
                       SegmentShare share, Duration claimTimeout) {
        this.axon = axon;
        this.jdbc = jdbc;
        this.meters = meters;
        this.views = Set.copyOf(views);
        this.progressInterval = progressInterval;
        this.retryAfterSeconds = retryAfterSeconds;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        this.replicas = replicas;
        for (String view : this.views) {
            // another replica's rebuild: what this one last read of the view's state is out of date
            replicas.onSignal(LET_GO + view, () -> {
                states.remove(view);
                share.holdOff(view, HOLD_OFF);
            });
            replicas.onSignal(RESET_DONE + view, () -> {
                states.remove(view);
                share.endHoldOff(view);
            });
        }
    }

    /** The views an operator may rebuild. */
    public Set<String> views() {
        return views;
    }

    /** Throws {@link ViewRebuildingException} while {@code processingGroup} is being rebuilt. */
    public void requireServing(String processingGroup) {
        Run run = runs.get(processingGroup);
        if (run != null && run.starting) {
            throw new ViewRebuildingException(processingGroup, retryAfterSeconds);
        }
        Instant now = clock.instant();
        Cached cached = states.get(processingGroup);
        if (cached == null || cached.at.plus(STATE_CACHE).isBefore(now)) {
            cached = new Cached(now, tokens(processingGroup).replaying());
            states.put(processingGroup, cached);
            if (runs.get(processingGroup) != run) { // a rebuild this replica started meanwhile: read before its reset
                states.remove(processingGroup);
            }
        }
        if (cached.replaying) {
            throw new ViewRebuildingException(processingGroup, retryAfterSeconds);
        }
    }

    /**
     * Starts rebuilding every view of the service (after an erasure). The other replicas are asked to let go of all of
     * them first, so the resets wait for one of their claim searches in all, not one per view.
     */
    public void startAll(String startedBy) {
        for (String view : views) {
            replicas.signal(LET_GO + view);
        }
        for (String view : views) {
            start(view, startedBy);
        }
    }

    /**
     * Starts rebuilding {@code processingGroup}; if it is being rebuilt already, changes nothing. Returns the progress.
     *
     * @throws UnknownViewException if the service has no such view
     */
    public synchronized ReplayProgress start(String processingGroup, String startedBy) {
        StreamingEventProcessor processor = processor(processingGroup);
        Run current = runs.get(processingGroup);
        boolean rebuilding = tokens(processingGroup).replaying();
        if (current != null && (current.starting || rebuilding)) {
            return progress(processingGroup);
        }
        if (rebuilding) {
            // another replica's rebuild, or one left unfinished by a restart: the processors take it to its end, this
            // one's included, which is left as it is
            return follow(new Run(processingGroup, clock.instant(), startedBy,
                    MDC.get(AuditMetadata.MDC_CORRELATION_ID)), false);
        }
        if (current != null && current.catchUp != null) {
            // the last replay's catch-up may still follow new events; it starts the processor when it ends, which
            // must happen before this replay stops the processor to reset it
            current.superseded = true;
            try {
                current.catchUp.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while ending the last catch-up of " + processingGroup, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the last catch-up of " + processingGroup + " did not end", e);
            }
        }
        Run run = new Run(processingGroup, clock.instant(), startedBy, MDC.get(AuditMetadata.MDC_CORRELATION_ID));
        runs.put(processingGroup, run);
        states.remove(processingGroup);
        registerGauges(processingGroup);
        List<StreamableMessageSource<TrackedEventMessage<?>>> source = new ArrayList<>(1);
        boolean reset;
        try {
            replicas.signal(LET_GO + processingGroup); // before this replica lets go of its own segments
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
            reset = resetOnceEverySegmentIsFree(processor, source);
        } catch (InterruptedException e) {
            processor.start();
            runs.remove(processingGroup);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + processingGroup, e);
        } catch (UnableToClaimTokenException e) {
            processor.start();
            runs.remove(processingGroup);
            log.warn("view replay of {} not started: another replica still holds a segment after {} s ({})",
                    processingGroup, RESET_WAIT.toSeconds(), e.getMessage());
            throw new ViewRebuildingException(processingGroup, retryAfterSeconds, "The view '" + processingGroup
                    + "' could not be reset: another replica of the service still holds a part of it; retry shortly.");
        } catch (Exception e) {
            processor.start();
            runs.remove(processingGroup);
            throw new IllegalStateException("could not reset the tokens of " + processingGroup + ": " + e.getMessage(), e);
        } finally {
            run.starting = false; // from here the stored replay tokens say that the view is being rebuilt
        }
        if (!reset) {
            // another replica reset the view first: its catch-up, not a second reset, rebuilds it (two raced each
            // other over the same tokens); this one's processor, stopped above, starts once that is done, not beside it
            return follow(run, true);
        }
        run.last = progress(processingGroup);
        log(run, "view replay started");
        run.catchUp = catchUps.submit(() -> catchUp(run, processor, source.get(0)));
        run.task = monitor.scheduleAtFixedRate(() -> tick(run), progressInterval.toMillis(),
                progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        return run.last;
    }

    /** Follows a rebuild of the view under way elsewhere: its progress, as {@code run}'s, until it is done. */
    private ReplayProgress follow(Run run, boolean startProcessorWhenDone) {
        runs.put(run.processingGroup, run);
        registerGauges(run.processingGroup);
        run.starting = false;
        run.following = true;
        run.startProcessorWhenDone = startProcessorWhenDone;
        run.catchUp = CompletableFuture.completedFuture(null);
        run.last = progress(run.processingGroup);
        log(run, "view replay under way on another replica");
        run.task = monitor.scheduleAtFixedRate(() -> tick(run), progressInterval.toMillis(),
                progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        return run.last;
    }

    /**
     * Resets the processor's tokens from the start of its own stream (the event types its handlers take), as soon as
     * no other replica holds a segment of it: they let go at their next claim search once asked. Returns false, and
     * resets nothing, if another replica's rebuild of the view is under way.
     */
    private boolean resetOnceEverySegmentIsFree(StreamingEventProcessor processor,
                                                List<StreamableMessageSource<TrackedEventMessage<?>>> source)
            throws InterruptedException {
        Instant giveUp = clock.instant().plus(RESET_WAIT);
        Instant askAgain = clock.instant().plus(ASK_AGAIN);
        String name = processor.getName();
        while (true) {
            source.clear();
            try {
                boolean reset = inItsOwnTransaction(() -> axon.eventProcessingConfiguration().transactionManager(name)
                        .fetchInTransaction(() -> {
                            // one reset of a view at a time, whatever the claims say: a second one during the first's
                            // catch-up (from replicas under one node name, which share every claim, as the test
                            // contexts of a module do) set each other's tokens back and left the view half empty
                            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/view-reset/' || :name))")
                                    .param("name", name).query().singleRow();
                            if (tokens(name).replaying()) {
                                return false;
                            }
                            processor.resetTokens(stream -> {
                                source.add(stream);
                                Set<String> types = writtenWithCommands.get(name);
                                if (types != null) {
                                    // its view has every event of its types: the replay runs until the last of them,
                                    // not until where its processor last stopped (long ago: readers would be served a
                                    // half-built view)
                                    lastEventOf(types).ifPresent(last -> storeEverySegmentsToken(name, last));
                                }
                                return stream.createTailToken();
                            });
                            return true;
                        }));
                if (reset) {
                    replicas.signal(RESET_DONE + name); // this replica's claims keep them out from here
                }
                return reset;
            } catch (UnableToClaimTokenException | ResetNotSupportedException notYet) {
                // a reset handler's TRUNCATE may deadlock with a transaction writing the view (a command's, for a
                // view written with the commands): PostgreSQL rolls one back, and the reset is tried again
                if (notYet instanceof ResetNotSupportedException && !(notYet.getCause()
                        instanceof PessimisticLockingFailureException)) {
                    throw notYet;
                }
                Instant now = clock.instant();
                if (now.isAfter(giveUp)) {
                    throw notYet;
                }
                if (now.isAfter(askAgain)) { // should the first ask have been lost
                    replicas.signal(LET_GO + name);
                    askAgain = now.plus(ASK_AGAIN);
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Whether {@code processingGroup}'s processor must run for its rebuild to end: its tokens say it is being rebuilt
     * and no catch-up of this replica is at it (one whose replica stopped or crashed mid-way, or whose catch-up failed).
     */
    boolean rebuildLeftToItsProcessor(String processingGroup) {
        Run run = runs.get(processingGroup);
        if (run != null && (run.starting || run.catchUp == null || !run.catchUp.isDone())) {
            return false;
        }
        return tokens(processingGroup).replaying();
    }

    /**
     * Runs {@code reset} on a thread of its own, so in a transaction of its own: started by the erasure follower, it
     * would otherwise join that processor's transaction and hold each view's {@code TRUNCATE} locks until every view
     * is reset, and a deadlock with a command writing a view would roll back the follower's batch, not only the reset.
     */
    private <T> T inItsOwnTransaction(Callable<T> reset) throws InterruptedException {
        try {
            return catchUps.submit(reset).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * {@code processingGroup}'s view is written with the commands, from events of {@code payloadTypes}; its processor
     * only catches up.
     */
    void writtenWithCommands(String processingGroup, Set<Class<?>> payloadTypes) {
        writtenWithCommands.put(processingGroup,
                payloadTypes.stream().map(type -> axon.eventSerializer().typeForClass(type).getName()) // as stored
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** The token of the last stored event of {@code payloadTypes} (one index range per type), if there is one. */
    private Optional<TrackingToken> lastEventOf(Set<String> payloadTypes) {
        return jdbc.sql("SELECT max(global_index) FROM " + EventStoreConfiguration.SCHEMA
                        + ".domain_event_entry WHERE payload_type IN (:types)")
                .param("types", List.copyOf(payloadTypes)).query(Long.class).optional()
                .map(last -> GapAwareTrackingToken.newInstance(last, Collections.emptySortedSet()));
    }

    private void storeEverySegmentsToken(String processingGroup, TrackingToken token) {
        TokenStore tokenStore = axon.eventProcessingConfiguration().tokenStore(processingGroup);
        axon.eventProcessingConfiguration().transactionManager(processingGroup).executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(processingGroup)) {
                tokenStore.fetchToken(processingGroup, segment); // claims it, as the reset that follows does
                tokenStore.storeToken(token, processingGroup, segment);
            }
        });
    }

    /**
     * Hands the view its events without its processor ({@link CatchUp}), then starts the processor, which goes on from
     * the tokens the catch-up stored (from the reset's, if the catch-up failed: the processor's own replay then).
     */
    private void catchUp(Run run, StreamingEventProcessor processor,
                         StreamableMessageSource<TrackedEventMessage<?>> source) {
        String group = run.processingGroup;
        try {
            long handled = new CatchUp(group, ((AbstractEventProcessor) processor).eventHandlerInvoker(), source,
                    axon.eventProcessingConfiguration().tokenStore(group),
                    axon.eventProcessingConfiguration().transactionManager(group), CATCH_UP_BATCH)
                    .run(() -> closed || run.superseded);
            log.info("view replay: {} handed {} events to its handlers, its processor goes on", group, handled);
        } catch (Exception e) {
            log.warn("view replay: the catch-up of {} stopped ({}); its processor goes on with the replay", group,
                    e.toString(), e);
        } finally {
            if (!closed) {
                processor.start();
            }
        }
    }

    /**
     * How far the rebuild of {@code processingGroup} is.
     *
     * @throws UnknownViewException if the service has no such view
     */
    public ReplayProgress progress(String processingGroup) {
        processor(processingGroup);
        Run run = runs.get(processingGroup);
        Tokens tokens = tokens(processingGroup);
        Instant now = clock.instant();
        states.put(processingGroup, new Cached(now, tokens.replaying()));
        if (run == null) {
            String state = tokens.replaying() ? ReplayProgress.REPLAYING : ReplayProgress.IDLE;
            return new ReplayProgress(processingGroup, state, tokens.position, tokens.head, tokens.percent(), 0, null,
                    null, null, null, null);
        }
        boolean replaying = run.starting || tokens.replaying();
        if (!replaying && run.finishedAt == null) {
            run.finishedAt = now;
        }
        Instant end = replaying ? now : run.finishedAt;
        double seconds = Math.max(0.001, Duration.between(run.startedAt, end).toMillis() / 1000.0);
        double rate = tokens.position / seconds;
        long head = replaying ? tokens.head : Math.max(tokens.head, tokens.position);
        Long left = !replaying ? Long.valueOf(0) : rate > 0 ? Long.valueOf(Math.round((head - tokens.position) / rate)) : null;
        return new ReplayProgress(processingGroup, replaying ? ReplayProgress.REPLAYING : ReplayProgress.DONE,
                tokens.position, head, replaying ? tokens.percent() : 100.0, Math.round(rate * 10) / 10.0, left,
                run.startedAt, run.finishedAt, run.startedBy, run.correlationId);
    }

    private void tick(Run run) {
        try {
            ReplayProgress progress = progress(run.processingGroup);
            run.last = progress;
            if (ReplayProgress.DONE.equals(progress.state())) {
                log(run, "view replay done");
                run.task.cancel(false);
                if (run.startProcessorWhenDone && !closed) {
                    processor(run.processingGroup).start();
                }
            } else {
                log(run, "view replay progress");
                if (run.following && !closed) {
                    takeOnIfNoReplicaHoldsIt(run);
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not read the progress of the replay of {}", run.processingGroup, e);
        }
    }

    /**
     * A rebuild followed with this replica's processor stopped goes on only while the replica that reset the view holds
     * its segments. Once none is held (that replica stopped or died mid-way, and its claims lapsed), this replica's
     * processor takes the replay on from the stored tokens, as it would after a restart of its own.
     */
    private void takeOnIfNoReplicaHoldsIt(Run run) {
        StreamingEventProcessor processor = processor(run.processingGroup);
        if (processor.isRunning() || heldByAReplica(run.processingGroup)) {
            return;
        }
        run.startProcessorWhenDone = false;
        processor.start();
        log(run, "view replay left by the replica that reset the view, this replica's processor takes it on");
    }

    /** Whether a replica holds a segment of {@code processingGroup}: a claim younger than the claim timeout. */
    private boolean heldByAReplica(String processingGroup) {
        return jdbc.sql("""
                        SELECT count(*) FROM token_entry
                         WHERE processor_name = :name AND owner IS NOT NULL AND timestamp > :lapsed""")
                .param("name", processingGroup)
                .param("lapsed", DateTimeUtils.formatInstant(clock.instant().minus(claimTimeout)))
                .query(Long.class).single() > 0;
    }

    private void log(Run run, String message) {
        ReplayProgress p = run.last;
        String previous = MDC.get(AuditMetadata.MDC_CORRELATION_ID);
        if (run.correlationId != null) {
            MDC.put(AuditMetadata.MDC_CORRELATION_ID, run.correlationId);
        }
        try {
            log.atInfo()
                    .addKeyValue("processor", p.processingGroup())
                    .addKeyValue("replay.state", p.state())
                    .addKeyValue("replay.position", p.position())
                    .addKeyValue("replay.head", p.headPosition())
                    .addKeyValue("replay.percent", p.percent())
                    .addKeyValue("replay.eventsPerSecond", p.eventsPerSecond())
                    .addKeyValue("replay.secondsLeft", p.secondsLeft())
                    .log("{}: processor={} state={} position={} head={} percent={} eventsPerSecond={} secondsLeft={}",
                            message, p.processingGroup(), p.state(), p.position(), p.headPosition(), p.percent(),
                            p.eventsPerSecond(), p.secondsLeft());
        } finally {
            if (previous == null) {
                MDC.remove(AuditMetadata.MDC_CORRELATION_ID);
            } else {
                MDC.put(AuditMetadata.MDC_CORRELATION_ID, previous);
            }
        }
    }

    private void registerGauges(String processingGroup) {
        if (meters == null) {
            return;
        }
        gauge("jointops.replay.position", processingGroup, ReplayProgress::position);
        gauge("jointops.replay.head", processingGroup, ReplayProgress::headPosition);
        gauge("jointops.replay.percent", processingGroup, ReplayProgress::percent);
        gauge("jointops.replay.events.per.second", processingGroup, ReplayProgress::eventsPerSecond);
        gauge("jointops.replay.active", processingGroup, p -> ReplayProgress.REPLAYING.equals(p.state()) ? 1 : 0);
    }

    private void gauge(String name, String processingGroup, ToDoubleFunction<ReplayProgress> value) {
        Gauge.builder(name, runs, all -> {
                    Run run = all.get(processingGroup);
                    return run == null || run.last == null ? Double.NaN : value.applyAsDouble(run.last);
                })
                .tag("processor", processingGroup)
                .register(meters);
    }

    private StreamingEventProcessor processor(String processingGroup) {
        if (!views.contains(processingGroup)) {
            throw new UnknownViewException(processingGroup);
        }
        return axon.eventProcessingConfiguration()
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownViewException(processingGroup));
    }

    /** The processor's stored tokens, one per segment. */
    private Tokens tokens(String processingGroup) {
        List<TrackingToken> tokens = jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = :name")
                .param("name", processingGroup)
                .query((row, n) -> {
                    byte[] token = row.getBytes("token");
                    String type = row.getString("token_type");
                    return token == null || type == null ? null : (TrackingToken) axon.serializer()
                            .deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                })
                .list();
        // the head: the highest position a segment was reset from (or has reached)
        long head = 0;
        for (TrackingToken token : tokens) {
            head = Math.max(head, position(token));
            if (token instanceof ReplayToken replay && replay.getTokenAtReset() != null) {
                head = Math.max(head, replay.getTokenAtReset().position().orElse(0));
            }
        }
        // the position: the lowest a segment still replaying has reached; a segment past its reset position is done
        // (it may not store its token until an event of its own arrives), so it counts as at the head
        long position = head;
        boolean replaying = false;
        for (TrackingToken token : tokens) {
            if (token instanceof ReplayToken replay && replay.getTokenAtReset() != null
                    && position(token) < replay.getTokenAtReset().position().orElse(0)) {
                replaying = true;
                position = Math.min(position, position(token));
            }
        }
        return new Tokens(position, head, replaying);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /**
     * Stops the progress monitor and any catch-up (at shutdown), and waits for a running catch-up to end its batch:
     * the database must outlive it (a catch-up cut off by the closing pool logged errors into the next test's output).
     */
    public void close() {
        closed = true;
        monitor.shutdownNow();
        catchUps.shutdown();
        try {
            if (!catchUps.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("view replay: a catch-up was still running 30 s after the service began to stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Tokens(long position, long head, boolean replaying) {
        double percent() {
            return head <= 0 ? 100.0 : Math.min(100.0, Math.floor(position * 1000.0 / head) / 10.0);
        }
    }

    private record Cached(Instant at, boolean replaying) {
    }

    private static final class Run {
        final String processingGroup;
        final Instant startedAt;
        final String startedBy;
        final String correlationId;
        volatile boolean starting = true;
        volatile Instant finishedAt;
        volatile ReplayProgress last;
        volatile ScheduledFuture<?> task;
        /** The catch-up, which goes on past the reset position while events keep coming, and starts the processor. */
        volatile Future<?> catchUp;
        /** A later replay of the view started: the catch-up ends at its next batch. */
        volatile boolean superseded;
        /** Following another replica's rebuild: this replica reset nothing and runs no catch-up. */
        volatile boolean following;
        /** Following another replica's rebuild with its processor stopped: it starts once that rebuild is done. */
        volatile boolean startProcessorWhenDone;

        Run(String processingGroup, Instant startedAt, String startedBy, String correlationId) {
            this.processingGroup = processingGroup;
            this.startedAt = startedAt;
            this.startedBy = startedBy;
            this.correlationId = correlationId;
        }
    }
}
