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
    private final Runnable wake;
    private volatile boolean running;
    private volatile Thread thread;

    public EventStoreWakeUp(DataSource dataSource, String channel, Runnable wake) {
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
                wake.run(); // whatever was committed while not listening
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        wake.run();
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
