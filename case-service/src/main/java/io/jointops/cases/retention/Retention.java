package io.jointops.cases.retention;

import io.jointops.api.privacy.PersonalDataErasedEvent;
import io.jointops.platform.privacy.SubjectKeys;
import io.jointops.platform.replay.ViewRebuildingException;
import io.jointops.platform.replay.ViewReplays;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Erases the personal data of items whose retention period ran out (docs/privacy.md, "Retention"): for each rule,
 * the items of its type whose keys its agency's events made and whose last event is older than the period; of each,
 * every key is destroyed but those of subjects an open case holds (a subject with a live key in an open case, such as
 * a subject the case names ({@code CaseSubjectAddedEvent}: its value's key is made in the case), or in an item linked
 * to one; a subject taken off the case keeps its key there, so it stays held while the case is open). One transaction per rule: the keys destroyed and the {@link PersonalDataErasedEvent} that
 * tells every service and partner. Runs in case-service, whose role alone destroys keys and which knows the cases.
 */
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    /** The view (case_view, case_linked_item) that says which subjects open cases hold. */
    static final String CASE_VIEW = "case-view";

    private final RetentionRules rules;
    private final JdbcClient jdbc;
    private final SubjectKeys keys;
    private final EventGateway events;
    private final TransactionTemplate transactions;
    private final ViewReplays replays;

    public Retention(RetentionRules rules, JdbcClient jdbc, SubjectKeys keys, EventGateway events,
                     TransactionTemplate transactions, ViewReplays replays) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.keys = keys;
        this.events = events;
        this.transactions = transactions;
        this.replays = replays;
    }

    /**
     * Applies every rule as of {@code now}; answers how many keys were destroyed. Postponed (0) while the case view
     * is being rebuilt (after an erasure, say): which subjects open cases hold is read from it, and a half-built view
     * would hold too few.
     */
    public int run(Instant now) {
        try {
            replays.requireServing(CASE_VIEW);
        } catch (ViewRebuildingException e) {
            log.info("Retention postponed: {} is being rebuilt", CASE_VIEW);
            return 0;
        }
        int destroyed = 0;
        for (RetentionRules.Rule rule : rules.rules()) {
            destroyed += transactions.execute(status -> apply(rule, now));
        }
        return destroyed;
    }

    private int apply(RetentionRules.Rule rule, Instant now) {
        List<String> expired = jdbc.sql("""
                        SELECT k.item_id FROM eventstore.personal_data_key k
                         WHERE k.item_type = ? AND k.agency = ? AND k.data_key IS NOT NULL
                         GROUP BY k.item_id
                        HAVING (SELECT max(eventstore.event_time(e.time_stamp)) FROM eventstore.domain_event_entry e
                                 WHERE e.aggregate_identifier = k.item_id) < ?""")
                .params(rule.itemType(), rule.agency(), java.sql.Timestamp.from(now.minus(rule.period())))
                .query(String.class).list();
        if (expired.isEmpty()) {
            return 0;
        }
        List<String> held = jdbc.sql("""
                        SELECT DISTINCT subject_ref FROM eventstore.personal_data_key
                         WHERE data_key IS NOT NULL AND item_id IN (
                               SELECT case_id FROM case_view WHERE status <> 'CLOSED'
                               UNION SELECT l.item_id FROM case_linked_item l JOIN case_view c USING (case_id)
                                WHERE c.status <> 'CLOSED')""")
                .query(String.class).list();
        int destroyed = 0;
        List<String> erasedItems = new ArrayList<>();
        for (String item : expired) {
            int count = keys.destroyItem(item, held, rule.name());
            if (count > 0) {
                destroyed += count;
                erasedItems.add(item);
            }
        }
        if (destroyed > 0) {
            events.publish(new PersonalDataErasedEvent(rule.name(), rule.agency(), List.of(), erasedItems, destroyed,
                    rule.legalBasis(), now));
            log.info("Retention {}: {} keys destroyed in {} items", rule.name(), destroyed, erasedItems.size());
        }
        return destroyed;
    }
}
