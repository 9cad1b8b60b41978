package io.jointops.platform.axon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Signals by topic between the replicas of a service, over its replica channel ({@link
 * EventStoreWakeUp#replicaChannel}): what wakes readers in process when it commits (the partner feed's processor) tells
 * the other replicas too, whose readers would otherwise wait for their fallback look. Sent only while another replica
 * listens, as the processed items are ({@link EventAnnouncer}); a signal carries no data, and one anybody with a login
 * sends is worth one more look.
 */
public final class ReplicaSignals {

    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z-]{0,39}");

    private final Map<String, Runnable> receivers = new ConcurrentHashMap<>();
    private volatile Consumer<String> sender = topic -> {
    };

    /** Runs {@code receiver} whenever another replica of the service signals {@code topic}. */
    public void onSignal(String topic, Runnable receiver) {
        receivers.merge(requireTopic(topic), receiver, (first, second) -> () -> {
            first.run();
            second.run();
        });
    }

    /** Signals {@code topic} to the service's other replicas: soon, if one listens. */
    public void signal(String topic) {
        sender.accept(requireTopic(topic));
    }

    /** How signals go out: without notifications, not at all. */
    void sendWith(Consumer<String> sender) {
        this.sender = sender;
    }

    /** Another replica signalled {@code topic} (its listener tells this): the topic's receivers run. */
    void received(String topic) {
        Runnable receiver = receivers.get(topic);
        if (receiver != null) {
            receiver.run();
        }
    }

    static String requireTopic(String topic) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("a replica signal's topic is 1 to 40 of a-z and '-': " + topic);
        }
        return topic;
    }
}
