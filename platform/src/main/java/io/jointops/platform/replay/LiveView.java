package io.jointops.platform.replay;

import io.jointops.platform.query.ReadYourWrites;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A view written in the transaction of the command that appends its events: the event store hands each appended
 * event to {@code write} before the command's transaction commits (Axon calls an event store's subscribers in the
 * unit of work's prepare-commit phase, after the append), so the view costs no processor transaction, stream read or
 * token, and a committed event is in the view by definition. The writes waiting for the view are woken after the
 * commit, here and in the other replicas, as {@link io.jointops.platform.query.ItemChangeSignal} does for processors.
 * <p>
 * The view's processor then runs only to catch up: after a rebuild ({@link ViewReplays}, which starts it), after a
 * restart during one, and once when the view is first written this way (what a processor of the previous version had
 * not reached yet). It is stopped once every segment it holds has caught up outside a replay; {@code live_view} keeps
 * that the first catch-up is done, so a restart stops it at once. A row the processor has not reached yet is made
 * current from the store by {@code write} itself (so its order against the processor does not matter).
 */
public final class LiveView implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveView.class);
    private static final long LOOK_EVERY_MILLIS = 1_000;
    private static final int LOOKS_PER_REBUILD_CHECK = 10;

    private final String processingGroup;
    private final Configuration axon;
    private final JdbcClient jdbc;
    private final ViewReplays replays;
    private final ScheduledExecutorService looks;
    private volatile boolean running;
    private int looksSinceRebuildCheck; // the looks' thread's own

    /**
     * @param processingGroup the view's processor, which only catches up
     * @param aggregateType   the type of the items whose events the view is written from
     * @param payloadTypes    the events it is written from
     * @param write           writes one appended event into the view, in the command's transaction; the event's
     *                        timestamp is the one the store keeps (milliseconds), so the view equals its rebuild
     * @param otherReplicas   told each item and event number committed, for the service's other replicas
     */
    public LiveView(String processingGroup, String aggregateType, Set<Class<?>> payloadTypes,
                    Consumer<DomainEventMessage<?>> write,
                    BiConsumer<String, Long> otherReplicas, EventStore store, Configuration axon,
                    JdbcClient jdbc, ViewReplays replays) {
        this.processingGroup = processingGroup;
        this.axon = axon;
        this.jdbc = jdbc;
        this.replays = replays;
        replays.writtenWithCommands(processingGroup, payloadTypes);
        this.looks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-view-" + processingGroup);
            thread.setDaemon(true);
            return thread;
        });
        // subscribed when the bean is made, before any command can be handled
        Predicate<DomainEventMessage<?>> handles = event -> aggregateType.equals(event.getType())
                && payloadTypes.contains(event.getPayloadType());
        store.subscribe(events -> writeEach(events, handles, write, otherReplicas));
    }

    private static void writeEach(List<? extends EventMessage<?>> events, Predicate<DomainEventMessage<?>> handles,
                                  Consumer<DomainEventMessage<?>> write, BiConsumer<String, Long> otherReplicas) {
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain) || !handles.test(domain)) {
                continue;
            }
            String itemId = domain.getAggregateIdentifier();
            long sequence = domain.getSequenceNumber();
            Runnable committed = () -> {
                ReadYourWrites.itemChanged(itemId, sequence);
                otherReplicas.accept(itemId, sequence);
            };
            if (CurrentUnitOfWork.isStarted()) {
                // registered before the write's hand-over (ReadYourWrites#written): after-commit handlers run in
                // reverse order, so the waiting writes find the hand-over when woken
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> committed.run());
                write.accept(asStored(domain));
            } else { // appended outside a unit of work: the append has committed already
                write.accept(asStored(domain));
                committed.run();
            }
        }
    }

    /** {@code event} with its timestamp as the store keeps it and gives it back (to the millisecond). */
    static <T> DomainEventMessage<T> asStored(DomainEventMessage<T> event) {
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event,
                DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(event.getTimestamp())));
    }

    /** Stops the processor at once when its first catch-up is done and no rebuild is under way; looks again each second. */
    @Override
    public void start() {
        running = true;
        boolean caughtUpOnce = !jdbc.sql("SELECT 1 FROM live_view WHERE processor_name = :name")
                .param("name", processingGroup).query().listOfRows().isEmpty();
        if (caughtUpOnce && !ReplayProgress.REPLAYING.equals(replays.progress(processingGroup).state())) {
            processor().shutDown();
            log.info("Processor {} stopped: its view is written with the commands", processingGroup);
        }
        looks.scheduleWithFixedDelay(this::look, LOOK_EVERY_MILLIS, LOOK_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the processor once every segment it holds has caught up outside a replay (read in memory, no query);
     * starts it when a rebuild was left unfinished (its replica stopped mid-way: the tokens say so), looked at every
     * {@link #LOOKS_PER_REBUILD_CHECK} looks (a query, so that an idle service sends few).
     */
    private void look() {
        try {
            StreamingEventProcessor processor = processor();
            if (!processor.isRunning()) {
                if (++looksSinceRebuildCheck >= LOOKS_PER_REBUILD_CHECK) {
                    looksSinceRebuildCheck = 0;
                    if (replays.rebuildLeftToItsProcessor(processingGroup)) {
                        processor.start();
                        log.info("Processor {} started: a rebuild of its view was left unfinished", processingGroup);
                    }
                }
                return;
            }
            Collection<EventTrackerStatus> segments = processor.processingStatus().values();
            if (segments.isEmpty() || !segments.stream().allMatch(LiveView::caughtUpOutsideReplay)) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO live_view (processor_name, caught_up_at) VALUES (:name, now())
                            ON CONFLICT (processor_name) DO NOTHING""")
                    .param("name", processingGroup).update();
            processor.shutDown();
            log.info("Processor {} caught up and stopped: its view is written with the commands", processingGroup);
        } catch (RuntimeException e) {
            log.warn("could not look whether processor {} has caught up", processingGroup, e);
        }
    }

    /**
     * A segment caught up whose replay is done: at its reset position or past it (Axon still calls a segment at its
     * reset position replaying until an event takes it past, as {@link ViewReplays} does not).
     */
    private static boolean caughtUpOutsideReplay(EventTrackerStatus segment) {
        return segment.isCaughtUp() && (!segment.isReplaying() || segment.getCurrentPosition().orElse(0)
                >= segment.getResetPosition().orElse(Long.MAX_VALUE));
    }

    private StreamingEventProcessor processor() {
        return axon.eventProcessingConfiguration().eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownViewException(processingGroup));
    }

    @Override
    public void stop() {
        running = false;
        looks.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
