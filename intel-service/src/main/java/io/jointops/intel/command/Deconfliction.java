package io.jointops.intel.command;

import io.jointops.api.deconfliction.DeconflictionMatch;
import io.jointops.api.deconfliction.DeconflictionMatchAddedEvent;
import io.jointops.api.deconfliction.DeconflictionNoticeIssuedEvent;
import io.jointops.api.deconfliction.NoteDeconflictionMatchCommand;
import io.jointops.identifiers.MatchRule;
import io.jointops.platform.axon.AggregateCache;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What one agency is told about one of its items: that another agency holds an item naming the same identifier, and
 * how to reach it (one notice per own item and other agency, however many of the other agency's items match, so the
 * notice does not tell how many it holds). Each own identifier that matches is recorded once, again only when it
 * matches by a stronger rule: the deconfliction processor may note the same match any number of times (redelivery,
 * replay, the other side's later events) and the notice says it once.
 */
@Aggregate(cache = AggregateCache.BEAN)
class Deconfliction {

    @AggregateIdentifier
    private String noticeId;
    /** the strongest rule noted so far, by own identifier (its value, as first written in the item) */
    private final Map<String, MatchRule> noted = new HashMap<>();

    Deconfliction() {
        // for Axon: rebuilt from events, or created by the first match noted
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(NoteDeconflictionMatchCommand command) {
        DeconflictionMatch match = command.match();
        if (noticeId == null) {
            apply(new DeconflictionNoticeIssuedEvent(command.noticeId(), command.agency(), command.item(),
                    command.otherAgency(), command.contact(), match));
            return;
        }
        MatchRule rule = MatchRule.ofId(match.rule());
        MatchRule before = noted.get(key(match));
        if (before == null || MatchRule.stronger(before, rule) != before) {
            apply(new DeconflictionMatchAddedEvent(noticeId, command.agency(), match));
        }
    }

    @EventSourcingHandler
    void on(DeconflictionNoticeIssuedEvent event) {
        noticeId = event.noticeId();
        noted.put(key(event.match()), MatchRule.ofId(event.match().rule()));
    }

    @EventSourcingHandler
    void on(DeconflictionMatchAddedEvent event) {
        noted.put(key(event.match()), MatchRule.ofId(event.match().rule()));
    }

    private static String key(DeconflictionMatch match) {
        // by value: an intel entity is named by the draft and the dissemination alike, a party as a person and a company
        return match.value();
    }
}
