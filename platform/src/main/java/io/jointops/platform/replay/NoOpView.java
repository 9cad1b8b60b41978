package io.jointops.platform.replay;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * A view that keeps nothing: it handles every event of the store (its payload deserialized) and writes nothing. Its
 * rebuild measures what a replay costs without a projector's writes (reading the store, deserializing, storing tokens),
 * the ceiling every real view's rebuild is compared with. Only there when {@code jointops.replay.no-op-view.enabled}
 * is set (the benchmark sets it), so services in production do not read every event once more.
 */
@ProcessingGroup(NoOpView.PROCESSING_GROUP)
class NoOpView {

    static final String PROCESSING_GROUP = "no-op-view";

    @ResetHandler
    void reset() {
        // nothing kept, nothing to delete
    }

    @EventHandler
    void on(Object payload) {
        // deliberately nothing: the payload is deserialized to be handed here, which is part of every replay's cost
    }
}
