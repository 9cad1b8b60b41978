package io.jointops.platform.axon;

/** For tests in other packages: one replica's signals delivered straight to another's, as its listener would. */
public final class TestSignals {

    private TestSignals() {
    }

    public static void sendTo(ReplicaSignals from, ReplicaSignals to) {
        from.sendWith(to::received);
    }
}
