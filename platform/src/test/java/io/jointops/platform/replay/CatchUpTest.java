package io.jointops.platform.replay;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventhandling.EventMessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A catch-up stopped after a batch (a restart, a newer replay) is taken up again from the tokens it stored. */
class CatchUpTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void close() {
        store.shutDown();
    }

    @Test
    void aCatchUpStoppedAfterABatchIsTakenUpAgainFromItsTokens() throws Exception {
        for (int i = 0; i < 10; i++) {
            store.publish(GenericEventMessage.asEventMessage("event " + i));
        }
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        tokens.initializeTokenSegments("view", 2, ReplayToken.createReplayToken(store.createHeadToken(), null));
        List<Object> handled = new ArrayList<>();
        EventMessageHandler view = event -> handled.add(event.getPayload());
        SimpleEventHandlerInvoker handlers = SimpleEventHandlerInvoker.builder().eventHandlers(view).build();

        long first = new CatchUp("view", handlers, store, tokens, NoTransactionManager.INSTANCE, 3)
                .run(() -> handled.size() >= 3);
        TrackingToken stored = tokens.fetchToken("view", 0);
        assertThat(stored).isInstanceOf(ReplayToken.class);
        assertThat(((ReplayToken) stored).getCurrentToken()).as("the position a stream can be opened at")
                .isNotInstanceOf(ReplayToken.class);

        long second = new CatchUp("view", handlers, store, tokens, NoTransactionManager.INSTANCE, 3).run(() -> false);

        assertThat(first).isEqualTo(3);
        assertThat(second).isEqualTo(7);
        assertThat(handled).extracting(Object::toString).containsExactly("event 0", "event 1", "event 2", "event 3",
                "event 4", "event 5", "event 6", "event 7", "event 8", "event 9");
        assertThat(tokens.fetchToken("view", 1).position()).as("every segment at the reset position: replayed")
                .isEqualTo(store.createHeadToken().position());
    }
}
