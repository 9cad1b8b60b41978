package io.jointops.platform.watchlist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.feed.FeedConfiguration;
import io.jointops.platform.feed.FeedKind;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Watchlists on the partner feed of a service that has one: {@link WatchlistDeliveries} told by the feed's processor,
 * and the task that sends each check to intel-service, retried with back-off (5 s, doubling, at most an hour) while it
 * cannot be sent: a check is never dropped.
 */
@AutoConfiguration(before = FeedConfiguration.class)
@ConditionalOnBean(FeedKind.class)
public class WatchlistConfiguration {

    static final String TASK = "jointops-watchlist-check";
    /** Who checks, in the metadata of the command and the alert it raises: the platform, not the item's author. */
    static final String ACTOR = "watchlist";
    private static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    /** The checks as JSON: db-scheduler's default serialiser is Java's, which records are not written by. */
    @Bean
    static OneTimeTask<String> watchlistCheckTask(@Lazy CommandGateway commands,
                                                  ObjectProvider<WatchlistDeliveries> deliveries) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure((complete, operations) -> operations.reschedule(complete, Instant.now().plus(
                        backOff(complete.getExecution().consecutiveFailures))))
                // the task keeps which event it is about; what it names is read now (nothing once erased)
                .execute((instance, context) -> deliveries.getObject().command(instance.getData()).ifPresent(check ->
                        commands.sendAndWait(GenericCommandMessage.asCommandMessage(check)
                                .withMetaData(MetaData.with(AuditMetadata.ACTOR, ACTOR).and(AuditMetadata.ACTOR_ID, ACTOR)
                                        .and(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString())),
                                30, TimeUnit.SECONDS)));
    }

    /** 5 s after the first failure, doubling, at most an hour: intel-service down for a day costs 24 tries. */
    static Duration backOff(int consecutiveFailures) {
        int doublings = Math.min(Math.max(consecutiveFailures, 0), 10);
        Duration wait = Duration.ofSeconds(5).multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
    }

    @Bean
    WatchlistDeliveries watchlistDeliveries(@Value("${jointops.schema}") String context, SchedulerClient scheduler,
                                            OneTimeTask<String> watchlistCheckTask,
                                            ObjectMapper json, List<FeedKind<?>> kinds) {
        return new WatchlistDeliveries(context, scheduler, watchlistCheckTask, json, kinds);
    }
}
