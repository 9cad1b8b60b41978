package io.jointops.platform.axon;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Listens on the event store's notification channel ({@code LISTEN}) and wakes the {@link WakeableEventStore} when
 * any service (this one included) committed events, so that views follow within milliseconds rather than after a
 * poll interval. The processors' own look every few seconds stays as the fallback: a lost connection (a database
 * restart) only costs latency until the listener has connected again.
 */
public class EventStoreWakeUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStoreWakeUp.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<Set<String>> wake;
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param wake told the payload types of each commit (empty when not told, e.g. after reconnecting: then everyone
     *             looks)
     */
    public EventStoreWakeUp(DataSource dataSource, String channel, Consumer<Set<String>> wake) {
        this.dataSource = dataSource;
        this.channel = requireIdentifier(channel);
        this.wake = wake;
    }

    static String requireIdentifier(String channel) {
        if (channel == null || !IDENTIFIER.matcher(channel).matches()) {
            throw new IllegalArgumentException("jointops.event-store.notify.channel must be a lower-case SQL identifier: " + channel);
        }
        return channel;
    }

    /** The payload types the notifications name; empty if one of them names none (every stream looks then). */
    static Set<String> payloadTypes(PGNotification[] notifications) {
        Set<String> types = new HashSet<>();
        for (PGNotification notification : notifications) {
            String parameter = notification.getParameter();
            if (parameter == null || parameter.isEmpty()) {
                return Set.of();
            }
            types.addAll(Arrays.asList(parameter.split(",")));
        }
        return types;
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::listen, "event-store-wake-up");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                log.debug("Listening on {} for committed events", channel);
                wake.accept(Set.of()); // whatever was committed while not listening
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        wake.accept(payloadTypes(notifications));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.info("Event store notifications interrupted ({}); polling only until reconnected", e.getMessage());
                try {
                    Thread.sleep(RECONNECT.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
