package io.jointops.platform.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.platform.feed.FeedEvent;
import io.jointops.platform.feed.PartnerFeed;
import io.jointops.platform.security.Caller;
import io.jointops.platform.security.KeycloakRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the service's webhook deliveries, off every request's path: one thread claims due deliveries
 * ({@link WebhookDeliveryTable#claim}, leased, so several replicas share the work and one that dies mid-attempt
 * leaves its deliveries to be tried again when the lease runs out) and hands each to a small pool of its own (never
 * db-scheduler's threads, which the deadlines need). Each attempt renders the event as the agency's feed carries it
 * now ({@link PartnerFeed#event}: not shown to it any more, it is skipped, as the feed would pass over it), signs it
 * ({@link WebhookSigning}) and posts it ({@link WebhookSender}); a failure is tried again after
 * {@link WebhookRetries#delayAfter}, and after the last attempt the delivery is dead-lettered.
 * <p>
 * The thread waits for a signal, not in a loop: the feed's commit of new deliveries, an attempt's end, or the time
 * the next retry is due; otherwise it looks again every {@code idleCheck} (deliveries written by another replica's
 * feed processor, leases run out). Deliveries are made at least once (a receiver tells a repeat by its id) and in no
 * particular order: the event's {@code id}, {@code sequence} and {@code recordedAt} say where it belongs, and the feed
 * has the order.
 */
final class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration FORGET_EVERY = Duration.ofHours(1);

    private final WebhookDeliveryTable deliveries;
    private final WebhookSubscriptions subscriptions;
    private final PartnerFeed feed;
    private final WebhookSigning signing;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final WebhookRetries retries;
    private final ObjectMapper json;
    private final int threads;
    private final Duration idleCheck;
    private final Duration keep;
    private final Duration lease;
    private final Semaphore free;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread claimer;
    private ExecutorService pool;

    /**
     * @param threads   how many deliveries are attempted at once
     * @param idleCheck how long the dispatcher waits, without a signal, before it looks for due deliveries again
     * @param keep      how long deliveries that are over (delivered, dead, skipped) stay listed
     */
    WebhookDispatcher(WebhookDeliveryTable deliveries, WebhookSubscriptions subscriptions, PartnerFeed feed,
                      WebhookSigning signing, WebhookTargets targets, WebhookSender sender, WebhookRetries retries,
                      ObjectMapper json, int threads, Duration idleCheck, Duration keep) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.feed = feed;
        this.signing = signing;
        this.targets = targets;
        this.sender = sender;
        this.retries = retries;
        this.json = json;
        this.threads = threads;
        this.idleCheck = idleCheck;
        this.keep = keep;
        this.lease = sender.deadline().plusMinutes(1);
        this.free = new Semaphore(threads);
    }

    /** New deliveries were committed, or an attempt ended: look for due ones now. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        AtomicInteger numbers = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        claimer = new Thread(this::claimLoop, "webhook-dispatcher");
        claimer.setDaemon(true);
        claimer.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        pool.shutdown();
        try {
            // an attempt cut short here is tried again when its lease runs out
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
            claimer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server and the processors: deliveries start once the service is up, and stop first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void claimLoop() {
        Instant nextForget = Instant.now();
        while (running) {
            Duration wait = idleCheck;
            try {
                if (!Instant.now().isBefore(nextForget)) {
                    int forgotten = deliveries.forgetOlderThan(keep);
                    if (forgotten > 0) {
                        log.info("Forgot {} webhook deliveries that were over more than {} ago", forgotten, keep);
                    }
                    nextForget = Instant.now().plus(FORGET_EVERY);
                }
                int available = free.availablePermits();
                List<WebhookDeliveryTable.Due> due = available == 0 ? List.of() : deliveries.claim(available, lease);
                for (WebhookDeliveryTable.Due delivery : due) {
                    free.acquireUninterruptibly();
                    pool.execute(() -> {
                        try {
                            attempt(delivery);
                        } finally {
                            free.release();
                            wake();
                        }
                    });
                }
                if (available > 0 && due.size() == available) {
                    continue; // there may be more due
                }
                if (available > 0) {
                    wait = deliveries.untilNextDue().map(next -> next.compareTo(idleCheck) < 0 ? next : idleCheck)
                            .orElse(idleCheck);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Webhook deliveries could not be claimed; looking again in {}: {}", idleCheck, e.toString());
            }
            await(wait);
        }
    }

    private void await(Duration wait) {
        synchronized (signal) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (!woken && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            woken = false;
        }
    }

    /** One attempt of one delivery; what went wrong before the receiver was asked leaves it to its lease. */
    void attempt(WebhookDeliveryTable.Due due) {
        try {
            Optional<WebhookSubscriptions.Subscription> webhook = subscriptions.find(due.webhookId());
            if (webhook.isEmpty()) {
                deliveries.skipped(due.id(), "the webhook has been deleted");
                return;
            }
            // read as the agency's partner system reads its feed (intel logs a read of a TLP:AMBER report as FEED,
            // by this webhook)
            Caller reader = new Caller("webhook:" + due.webhookId(), "webhook " + due.webhookId(), due.agency(),
                    Set.of(KeycloakRoles.FEED_READER));
            Optional<FeedEvent> event = feed.event(reader, due.itemId(), due.sequence());
            if (event.isEmpty()) {
                deliveries.skipped(due.id(), "not shown to " + due.agency() + " now, as its feed passes over it");
                return;
            }
            ObjectNode body = json.createObjectNode();
            body.put("id", due.id());
            body.put("webhookId", due.webhookId());
            body.set("event", json.valueToTree(event.get()));
            byte[] bytes = json.writeValueAsBytes(body);
            long timestamp = Instant.now().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(WebhookSigning.SIGNATURE_HEADER,
                    WebhookSigning.signature(signing.secret(due.webhookId()), timestamp, bytes));
            headers.put(WebhookSigning.DELIVERY_HEADER, due.id());
            headers.put(WebhookSigning.WEBHOOK_HEADER, due.webhookId());
            WebhookSender.Outcome outcome;
            try {
                URI url = targets.check(webhook.get().url());
                outcome = sender.post(url, headers, bytes);
            } catch (WebhookTargets.Refused refused) {
                outcome = new WebhookSender.Outcome(0, "url " + refused.getMessage());
            }
            if (outcome.delivered()) {
                deliveries.delivered(due.id(), outcome.status());
                return;
            }
            int failed = due.attempts() + 1;
            Optional<Duration> retry = retries.exhausted(failed) ? Optional.empty()
                    : Optional.of(retries.delayAfter(failed));
            deliveries.failed(due.id(), outcome.status() == 0 ? null : outcome.status(), outcome.error(), retry);
            if (retry.isEmpty()) {
                log.warn("Webhook delivery {} to {} of {} dead-lettered after {} attempts: {}", due.id(),
                        due.webhookId(), due.agency(), failed, outcome.error());
            }
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Webhook delivery {} could not be attempted; tried again when its lease ends: {}", due.id(),
                    e.toString());
        }
    }
}
