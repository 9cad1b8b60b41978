package io.jointops.platform.axon;

/** For tests in other packages: replica signals delivered as a replica's listener delivers them. */
public final class TestSignals {

    private TestSignals() {
    }

    public static void sendTo(ReplicaSignals from, ReplicaSignals to) {
        from.sendWith(to::received);
    }

    /** {@code topic} as another replica's listener hands it over. */
    public static void receive(ReplicaSignals signals, String topic) {
        signals.received(topic);
    }
}
