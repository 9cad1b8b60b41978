package io.jointops.cases.query.caseview;

import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.replay.LiveView;
import io.jointops.platform.replay.ViewReplays;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case view is written in the transaction of the command that appends the case's events, its processor only
 * rebuilds it (docs/ARCHITECTURE.md, "Views written with the commands"): a create is one transaction, and the case is
 * in the view when the command's answer leaves.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class CaseViewLive {

    /** The case aggregate's type, as Axon stores it with its events. */
    private static final String CASE = "JointCase";

    @Bean
    LiveView caseViewWrittenWithCommands(CaseViewProjector projector, EventStore store,
                                         EventStorageEngine storageEngine, Configuration axon, JdbcClient jdbc,
                                         ViewReplays replays) {
        // a case's events only: evidence events are also a cooperation request's
        return new LiveView(CaseViewProjector.PROCESSING_GROUP, CASE, CaseViewFold.EVENTS, projector::live,
                EventStoreConfiguration.otherReplicas(storageEngine), store, axon, jdbc, replays);
    }
}
