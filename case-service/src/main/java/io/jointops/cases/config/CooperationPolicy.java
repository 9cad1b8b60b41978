package io.jointops.cases.config;

import io.jointops.api.cases.CooperationRequestType;
import io.jointops.api.cases.RequestPriority;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The legal clocks of cooperation requests ({@code jointops.cooperation.*} in application.yml): how long the
 * receiving agency has to answer, per request type and priority; how long before that deadline it is reminded; how
 * long after it an unanswered request is escalated to its supervisors. Every type must have both priorities, or the
 * service does not start.
 */
@ConfigurationProperties("jointops.cooperation")
public record CooperationPolicy(Map<CooperationRequestType, Window> responseTime, Window reminderBefore,
                                Window escalateAfter) {

    /** One duration per priority. */
    public record Window(Duration urgent, Duration routine) {

        Duration of(RequestPriority priority) {
            return priority == RequestPriority.URGENT ? urgent : routine;
        }
    }

    /** When each clock of a request sent at {@code sentAt} runs out; {@code remindAt} is null if no reminder fits. */
    public record Clocks(Instant responseDue, Instant remindAt, Instant escalateAt) {
    }

    public CooperationPolicy {
        List<String> missing = Arrays.stream(CooperationRequestType.values())
                .filter(type -> responseTime == null || responseTime.get(type) == null
                        || responseTime.get(type).urgent() == null || responseTime.get(type).routine() == null)
                .map(Enum::name).toList();
        if (!missing.isEmpty() || reminderBefore == null || escalateAfter == null) {
            throw new IllegalStateException("jointops.cooperation needs response-time.<type>.urgent|routine for every "
                    + "type, reminder-before and escalate-after; missing response times for " + missing);
        }
    }

    public Clocks clocks(CooperationRequestType type, RequestPriority priority, Instant sentAt) {
        Duration window = responseTime.get(type).of(priority);
        Instant due = sentAt.plus(window);
        Duration before = reminderBefore.of(priority);
        // a reminder only makes sense if it falls after the request was sent
        Instant remind = before.compareTo(window) < 0 && !before.isZero() ? due.minus(before) : null;
        return new Clocks(due, remind, due.plus(escalateAfter.of(priority)));
    }
}
