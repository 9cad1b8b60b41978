package io.jointops.platform.privacy;

import io.jointops.api.privacy.PersonalDataErasedEvent;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.replay.ViewReplays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Every service follows an erasure (docs/privacy.md, "Views after an erasure"): it forgets the keys and the aggregates
 * it remembers, so nothing destroyed is still read or held here, then rebuilds each of its views from the events, whose erased fields now read
 * {@code [erased]}: no read model keeps an erased value. Rebuilding every view costs a replay of the service's events
 * per erasure; erasures are rare, and a view rebuilt answers 503 meanwhile, never an erased value. Not a view itself,
 * so never replayed.
 */
@ProcessingGroup(ErasureFollower.PROCESSING_GROUP)
public class ErasureFollower {

    public static final String PROCESSING_GROUP = "privacy-erasure";
    private static final Logger log = LoggerFactory.getLogger(ErasureFollower.class);

    private final SubjectKeys keys;
    private final AggregateCache aggregates;
    private final Supplier<ViewReplays> views;

    public ErasureFollower(SubjectKeys keys, AggregateCache aggregates, Supplier<ViewReplays> views) {
        this.keys = keys;
        this.aggregates = aggregates;
        this.views = views;
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        keys.forgetCached();
        aggregates.forgetAll();
        ReadYourWrites.forgetWritten();
        ViewReplays replays = views.get();
        replays.startAll(event.by());
        // the references and items are no personal data: the keys they name are gone
        log.info("Personal data erased by {}: {} keys in {} items; rebuilding views {}", event.by(),
                event.keysDestroyed(), event.itemIds().size(), replays.views());
    }
}
