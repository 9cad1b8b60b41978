package io.jointops.platform.axon;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A command, or a batch of events a processor handles, that runs longer than {@code warnAfter} is logged with the
 * stack its thread is in then (again every {@code warnAfter}); after {@code interruptAfter} its thread is interrupted
 * and the work fails (a command answers an error, a batch is rolled back and retried), also when the handler
 * swallowed the interrupt. One watchdog thread looks every {@link #scanEvery}; the work itself only enters and leaves
 * a map. Axon's own unit-of-work timeout, which this replaces, took the whole stack trace of the starting thread for
 * every command and batch: 8.6 % of case-service's CPU on creates (docs/performance.md).
 */
public final class StuckWork implements MessageHandlerInterceptor<Message<?>>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StuckWork.class);
    private static final String TRACKED = StuckWork.class.getName();

    private final Duration warnAfter;
    private final Duration interruptAfter;
    private final Duration scanEvery;
    private final Map<UnitOfWork<?>, Running> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService watchdog;

    public StuckWork(Duration warnAfter, Duration interruptAfter) {
        if (warnAfter.isNegative() || warnAfter.isZero() || interruptAfter.compareTo(warnAfter) < 0) {
            throw new IllegalArgumentException("stuck work is warned about after " + warnAfter
                    + " and interrupted after " + interruptAfter + ": both positive, the interrupt not before the warning");
        }
        this.warnAfter = warnAfter;
        this.interruptAfter = interruptAfter;
        Duration quarter = warnAfter.dividedBy(4);
        this.scanEvery = quarter.compareTo(Duration.ofSeconds(1)) < 0 ? quarter : Duration.ofSeconds(1);
    }

    /** One piece of work: its unit of work's root, from the first handler call in it until it is cleaned up. */
    private static final class Running {
        final String what;
        final Thread thread;
        final long startedNanos;
        long nextWarningNanos;
        volatile boolean interrupted;
        /** Cleaned up: its thread serves other work now and must not be interrupted (guarded by this). */
        boolean done;

        Running(String what, Thread thread, long startedNanos, long firstWarningNanos) {
            this.what = what;
            this.thread = thread;
            this.startedNanos = startedNanos;
            this.nextWarningNanos = firstWarningNanos;
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root.resources().putIfAbsent(TRACKED, Boolean.TRUE) == null) {
            long now = System.nanoTime();
            Message<?> message = root.getMessage();
            Running work = new Running(message == null ? "work" : "handling " + message.getPayloadType().getSimpleName(),
                    Thread.currentThread(), now, now + warnAfter.toNanos());
            running.put(root, work);
            root.onCleanup(cleaned -> {
                running.remove(root);
                synchronized (work) {
                    work.done = true;
                }
                if (work.interrupted) {
                    Thread.interrupted(); // this thread serves other work next
                }
            });
        }
        Object result = chain.proceed();
        Running work = running.get(root);
        if (work != null && work.interrupted) {
            throw new IllegalStateException(work.what + " was interrupted after " + interruptAfter
                    + " and does not complete");
        }
        return result;
    }

    /** The watchdog's look: warns about work running past its next warning, interrupts work past the limit. */
    void scan() {
        long now = System.nanoTime();
        for (Running work : running.values()) {
            long ranNanos = now - work.startedNanos;
            if (!work.interrupted && ranNanos >= interruptAfter.toNanos()) {
                String at = stack(work.thread);
                synchronized (work) {
                    if (work.done) {
                        continue; // it ended between the look and now
                    }
                    work.interrupted = true;
                    work.thread.interrupt();
                }
                log.error("{} on thread {} has run {} ms, more than {}: interrupted it. It was at:{}", work.what,
                        work.thread.getName(), TimeUnit.NANOSECONDS.toMillis(ranNanos), interruptAfter, at);
            } else if (!work.interrupted && now >= work.nextWarningNanos) {
                work.nextWarningNanos += warnAfter.toNanos();
                log.warn("{} on thread {} has run {} ms (interrupted after {}); it is at:{}", work.what,
                        work.thread.getName(), TimeUnit.NANOSECONDS.toMillis(ranNanos), interruptAfter,
                        stack(work.thread));
            }
        }
    }

    /** How many pieces of work run now. */
    int running() {
        return running.size();
    }

    private static String stack(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).limit(40).map(frame -> "\n\tat " + frame)
                .collect(Collectors.joining());
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "stuck-work-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(() -> {
            try {
                scan();
            } catch (RuntimeException e) {
                log.warn("The stuck-work watchdog's look failed; it looks again in {}", scanEvery, e);
            }
        }, scanEvery.toMillis(), scanEvery.toMillis(), TimeUnit.MILLISECONDS);
        watchdog = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = watchdog;
        watchdog = null;
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return watchdog != null;
    }
}
