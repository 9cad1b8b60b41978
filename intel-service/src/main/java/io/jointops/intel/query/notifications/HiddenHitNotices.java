package io.jointops.intel.query.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelEntityHiddenHitEvent;
import io.jointops.intel.command.EntityIdentifiers;
import io.jointops.intel.query.readlog.PublishedEvents;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.security.Caller;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells the owners of reports a searcher may not see that it searched for an entity they name
 * ({@link IntelEntityHiddenHitEvent}), off the search's request path. Writing the notices while answering made the
 * answer's time, and its failures, tell the searcher that an undisclosed hit exists (issue 15). So every search, hit
 * or not, records one durable notice (a db-scheduler task in the service's {@code scheduled_tasks}, committed before
 * the answer: the same single insert whether or not a hidden report matched), and the scheduler's threads publish its
 * events at once, or after a restart if the service stopped right after answering; a failed run is retried. A notice
 * without hidden hits publishes nothing.
 * <p>
 * Each event's id is derived from the notice and the report, so a run that published but died before the task was
 * marked done is repeated without a second event: the event store refuses the same id, and that counts as sent.
 */
@Component
public class HiddenHitNotices {

    static final String TASK = "intel-hidden-hit-notices";

    private static final Logger log = LoggerFactory.getLogger(HiddenHitNotices.class);

    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;
    private final ObjectMapper json;

    HiddenHitNotices(SchedulerClient scheduler, OneTimeTask<String> hiddenHitNoticeTask, ObjectMapper json) {
        this.scheduler = scheduler;
        this.task = hiddenHitNoticeTask;
        this.json = json;
    }

    /** The task that publishes a notice's events; static, so the scheduler (which runs it) needs no instance of this. */
    @Bean
    static OneTimeTask<String> hiddenHitNoticeTask(EventGateway events, ObjectMapper json) {
        return Tasks.oneTime(TASK, String.class).execute((instance, context) -> publish(instance, events, json));
    }

    /**
     * Records that {@code searcher} searched for {@code normalised}, and which reports it may not see name it
     * ({@code hidden}, possibly none): durably, before the search answers, the same way whether or not any did.
     */
    public void record(Caller searcher, EntityType type, String normalised, List<Hit> hidden) {
        Notice notice = new Notice(Instant.now(), PublishedEvents.metaData(searcher), type, normalised, hidden);
        String data;
        try {
            data = json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a hidden-hit notice", e);
        }
        scheduler.schedule(task.instance(UUID.randomUUID().toString(), data), notice.searchedAt());
    }

    private static void publish(TaskInstance<String> instance, EventGateway events, ObjectMapper json) {
        Notice notice;
        try {
            notice = json.readValue(instance.getData(), Notice.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (notice.hidden().isEmpty()) {
            return;
        }
        String searchingAgency = (String) notice.metaData().get(AuditMetadata.AGENCY);
        String searcher = (String) notice.metaData().get(AuditMetadata.ACTOR);
        List<EventMessage<?>> messages = notice.hidden().stream()
                .<EventMessage<?>>map(hit -> new GenericEventMessage<>(eventId(instance.getId(), hit.reportId()),
                        new IntelEntityHiddenHitEvent(hit.reportId(), hit.ownerAgency(), searchingAgency, searcher,
                                notice.type(), notice.normalised(), hit.rule() != null ? hit.rule()
                                : EntityIdentifiers.normalFormRule(notice.type(), notice.normalised()).id()),
                        notice.metaData(), notice.searchedAt()))
                .toList();
        try {
            events.publish(messages); // one transaction: all of the notice's events or none
        } catch (ConcurrencyException alreadyStored) {
            log.info("The hidden-hit notice {} was published by an earlier run", instance.getId());
        }
    }

    private static String eventId(String notice, String reportId) {
        return UUID.nameUUIDFromBytes((TASK + "|" + notice + "|" + reportId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A report the searcher may not see that names the entity, its owner, who is told, and the rule it matched by
     * ({@link io.jointops.identifiers.MatchRule#id()}; null in a notice recorded before rules were kept: the owner
     * is then told the rule of the entity type's normal form, as the upcaster of older events does).
     */
    public record Hit(String reportId, String ownerAgency, String rule) {
    }

    /**
     * What a search leaves for the owners: when, by whom (the audit metadata its events carry), for what, and the
     * reports it may not see that matched.
     */
    record Notice(Instant searchedAt, Map<String, Object> metaData, EntityType type, String normalised,
                  List<Hit> hidden) {
    }
}
