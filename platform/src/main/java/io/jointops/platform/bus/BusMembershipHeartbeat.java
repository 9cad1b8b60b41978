package io.jointops.platform.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The command router refreshes membership on discovery events. Kubernetes discovery publishes them; a static member
 * list does not, so this publishes the registration once the service is ready and a heartbeat periodically.
 */
final class BusMembershipHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BusMembershipHeartbeat.class);

    private final ApplicationEventPublisher publisher;
    private final BusRegistration registration;
    private final Duration interval;
    private final AtomicLong beats = new AtomicLong();
    private ScheduledExecutorService scheduler;

    BusMembershipHeartbeat(ApplicationEventPublisher publisher, BusRegistration registration, Duration interval) {
        this.publisher = publisher;
        this.registration = registration;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        publisher.publishEvent(new InstanceRegisteredEvent<>(this, registration));
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bus-heartbeat"));
        scheduler.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failed refresh must not end the schedule: the next beat tries again. */
    private void beat() {
        try {
            publisher.publishEvent(new HeartbeatEvent(this, beats.incrementAndGet()));
        } catch (RuntimeException e) {
            log.warn("Command bus membership refresh failed; retrying at the next heartbeat", e);
        }
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
