package io.jointops.intel.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jointops.api.deconfliction.DeconflictionMatch;
import io.jointops.api.deconfliction.ItemRef;
import io.jointops.api.deconfliction.NoteDeconflictionMatchCommand;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NamedIdentifier;
import io.jointops.identifiers.Identifier;
import io.jointops.identifiers.IdentifierKind;
import io.jointops.identifiers.InvalidIdentifierException;
import io.jointops.identifiers.MatchKey;
import io.jointops.identifiers.MatchRule;
import io.jointops.platform.identifiers.ContractIdentifiers;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.axon.ContractEvents;
import io.jointops.platform.identifiers.NamedIdentifiers;
import io.jointops.platform.query.FoldedView;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Deconfliction across services and agencies, off every request path: reads the events of every context whose records
 * name identifiers (their {@code @Identifies} fields; {@link #foldedEvents} names them, so the processor's stream
 * carries those only), normalises each identifier with the one normalisation ({@code io.jointops.identifiers}),
 * keeps its match keys with the agency and item that named it ({@code deconfliction_key}), and when a key of one
 * agency's item equals a key of another agency's item, notes the match on both agencies' notices
 * ({@link NoteDeconflictionMatchCommand}): each is told of its own item and identifier, the other agency and its point
 * of contact, the kind and the rule, never the other item or its value.
 * <p>
 * The item's agency is the agency of the event's audit metadata: the agency that wrote the identifier into its item.
 * Places and substances are no targets (every shipment of acetone would match every other): they are not indexed
 * here, though watchlists take them. One segment ({@code DeconflictionConfiguration}), so two items naming the same
 * key in events handled at the same time cannot miss each other; errors propagate, so a failed event is retried,
 * never skipped. Notices' ids are derived from (agency, item, other agency) and the notice records a match once, so
 * redelivery and replay add nothing.
 */
@Component
@ProcessingGroup(DeconflictionMatcher.PROCESSING_GROUP)
class DeconflictionMatcher implements FoldedView {

    static final String PROCESSING_GROUP = "deconfliction";
    /** Who notes a match, in the notices' audit metadata: no person, and nothing of the event that caused it. */
    static final String ACTOR = "deconfliction";

    private static final Set<IdentifierKind.Family> NO_TARGETS =
            EnumSet.of(IdentifierKind.Family.LOCATION, IdentifierKind.Family.SUBSTANCE);
    private static final Set<Class<?>> NAMERS = Set.copyOf(NamedIdentifiers.namers(ContractEvents.ALL));
    private static final Logger log = LoggerFactory.getLogger(DeconflictionMatcher.class);
    /**
     * The stronger rule first; of two kinds a name matched as by the same rule, the first kind (a person before a
     * company); then by place, so the order is the same on every run.
     */
    private static final Comparator<DeconflictionMatch> STRONGEST_FIRST = Comparator
            .comparing((DeconflictionMatch match) -> MatchRule.ofId(match.rule()))
            .thenComparing(DeconflictionMatch::kind)
            .thenComparing(DeconflictionMatch::path).thenComparing(DeconflictionMatch::value);

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final DeconflictionContacts contacts;
    private final ObjectMapper json;

    DeconflictionMatcher(JdbcClient jdbc, CommandGateway commands, DeconflictionContacts contacts, ObjectMapper json) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.contacts = contacts;
        this.json = json;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return NAMERS;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!NAMERS.contains(payload.getClass())) {
            return;
        }
        Object agency = message.getMetaData().get(AuditMetadata.AGENCY);
        if (!(agency instanceof String own) || !Agencies.isValid(own)) {
            log.debug("{} {} names no agency: not deconflicted", message.getPayloadType().getSimpleName(),
                    message.getIdentifier());
            return;
        }
        ItemRef item = new ItemRef(context(payload), message.getType(), message.getAggregateIdentifier());
        List<Key> keys = keys(NamedIdentifiers.of(payload));
        if (keys.isEmpty()) {
            return;
        }
        String rows = rows(keys);
        jdbc.sql("""
                        INSERT INTO deconfliction_key (family, index_key, agency, context, item_id, kind, canonical,
                                                       value, item_type, rule, path)
                        SELECT r.family, r.index_key, :agency, :context, :itemId, r.kind, r.canonical, r.value,
                               :itemType, r.rule, r.path
                          FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(family TEXT, index_key TEXT, kind TEXT,
                               canonical TEXT, value TEXT, rule TEXT, path TEXT)
                        ON CONFLICT DO NOTHING""")
                .param("agency", own).param("context", item.context()).param("itemId", item.itemId())
                .param("itemType", item.itemType()).param("rows", rows)
                .update();
        // the item's own side as first stored, so an identifier written again (another event, another case) is the
        // same one; the other side: every other agency's item with an equal key
        Notices notices = new Notices();
        jdbc.sql("""
                        SELECT DISTINCT mine.kind AS my_kind, mine.value AS my_value, mine.path AS my_path,
                               mine.rule AS my_rule, k.kind, k.value, k.path, k.rule, k.agency, k.context,
                               k.item_type, k.item_id
                          FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(family TEXT, index_key TEXT)
                          JOIN deconfliction_key mine ON mine.family = r.family AND mine.index_key = r.index_key
                               AND mine.agency = :agency AND mine.context = :context AND mine.item_id = :itemId
                          JOIN deconfliction_key k ON k.family = mine.family AND k.index_key = mine.index_key
                               AND k.agency <> :agency AND NOT (k.context = :context AND k.item_id = :itemId)""")
                .param("agency", own).param("context", item.context()).param("itemId", item.itemId())
                .param("rows", rows)
                .query((row, n) -> new Pair(
                        new Key(null, null, row.getString("my_kind"), null, row.getString("my_value"),
                                row.getString("my_rule"), row.getString("my_path")),
                        new Key(null, null, row.getString("kind"), null, row.getString("value"), row.getString("rule"),
                                row.getString("path")),
                        row.getString("agency"),
                        new ItemRef(row.getString("context"), row.getString("item_type"), row.getString("item_id"))))
                .list()
                .forEach(pair -> MatchRule.combine(MatchRule.ofId(pair.mine().rule()), MatchRule.ofId(pair.theirs().rule()))
                        .ifPresent(rule -> {
                            notices.note(own, item, pair.otherAgency(), pair.mine(), rule);
                            notices.note(pair.otherAgency(), pair.otherItem(), own, pair.theirs(), rule);
                        }));
        // strongest first, so a notice is issued with its strongest match; in a stable order, so a replay sends alike
        notices.byNotice.forEach((notice, matches) -> matches.values().stream().sorted(STRONGEST_FIRST)
                .forEach(match -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new NoteDeconflictionMatchCommand(notice.id(), notice.agency(), notice.item(),
                                        notice.otherAgency(), contacts.of(notice.otherAgency()), match))
                        .withMetaData(systemMetaData(notice.id())), 30, TimeUnit.SECONDS)));
    }

    /** The context whose contract the event is: the last part of its package ({@code io.jointops.api.finance}). */
    static String context(Object payload) {
        String contract = payload.getClass().getPackageName();
        return contract.substring(contract.lastIndexOf('.') + 1);
    }

    /**
     * The keys of the identifiers named, as each kind they may be, targets only; a value the normalisation refuses
     * (a phone number without its country, in an old event) is left out, never an error that would stop the processor.
     */
    static List<Key> keys(List<NamedIdentifier> named) {
        List<Key> keys = new ArrayList<>();
        for (NamedIdentifier identifier : named) {
            for (Identifies.Kind kind : identifier.kinds()) {
                IdentifierKind.Family family = ContractIdentifiers.kind(kind).family();
                if (NO_TARGETS.contains(family)) {
                    continue;
                }
                Identifier normalised;
                try {
                    normalised = ContractIdentifiers.of(kind, identifier.value(), identifier.country());
                } catch (InvalidIdentifierException e) {
                    log.debug("{} at {} is no {}: not deconflicted ({})", identifier.value(), identifier.path(), kind,
                            e.getMessage());
                    continue;
                }
                for (MatchKey key : normalised.keys()) {
                    keys.add(new Key(family.name(), key.indexKey(), kind.name(), normalised.canonical(),
                            identifier.value(), key.rule().id(), identifier.path()));
                }
            }
        }
        return keys;
    }

    private String rows(List<Key> keys) {
        ArrayNode array = json.createArrayNode();
        for (Key key : keys) {
            array.addObject().put("family", key.family()).put("index_key", key.indexKey()).put("kind", key.kind())
                    .put("canonical", key.canonical()).put("value", key.value()).put("rule", key.rule())
                    .put("path", key.path());
        }
        return array.toString();
    }

    /**
     * A notice's events say the deconfliction noted them, with correlation ids of their own: the metadata of the event
     * that caused the match (another agency's officer, its request's ids) would reach the notice's reader otherwise.
     */
    private static MetaData systemMetaData(String noticeId) {
        return MetaData.with(AuditMetadata.ACTOR, ACTOR).and(AuditMetadata.ACTOR_ID, ACTOR)
                .and(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString())
                .and(AuditMetadata.TRACE_ID, noticeId);
    }

    /** The id of the notice of {@code agency} about its {@code item} and {@code otherAgency}. */
    static String noticeId(String agency, ItemRef item, String otherAgency) {
        return "deconfliction-" + UUID.nameUUIDFromBytes(String.join("|", agency, item.context(), item.itemType(),
                item.itemId(), otherAgency).getBytes(StandardCharsets.UTF_8));
    }

    /** One match key of one identifier an event names. */
    record Key(String family, String indexKey, String kind, String canonical, String value, String rule, String path) {
    }

    /** A key of the event's identifiers and an equal key of another agency's item. */
    private record Pair(Key mine, Key theirs, String otherAgency, ItemRef otherItem) {
    }

    private record Notice(String id, String agency, ItemRef item, String otherAgency) {
    }

    /**
     * The matches of one event, by notice and own value: the strongest rule each, whichever other items matched and
     * whichever kind the value was read as.
     */
    private static final class Notices {
        final Map<Notice, Map<String, DeconflictionMatch>> byNotice = new LinkedHashMap<>();

        /** {@code agency}'s {@code item} names {@code own}, which matches an item of {@code otherAgency} by {@code rule}. */
        void note(String agency, ItemRef item, String otherAgency, Key own, MatchRule rule) {
            Notice notice = new Notice(noticeId(agency, item, otherAgency), agency, item, otherAgency);
            byNotice.computeIfAbsent(notice, n -> new LinkedHashMap<>()).merge(own.value(),
                    new DeconflictionMatch(Identifies.Kind.valueOf(own.kind()), own.path(), own.value(), rule.id(),
                            rule.strength().name().toLowerCase(Locale.ROOT)),
                    (before, now) -> STRONGEST_FIRST.compare(now, before) < 0 ? now : before);
        }
    }
}
