package io.jointops.intel.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jointops.api.deconfliction.CheckWatchlistsCommand;
import io.jointops.api.deconfliction.RaiseWatchlistAlertCommand;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NamedIdentifier;
import io.jointops.identifiers.Identifier;
import io.jointops.identifiers.InvalidIdentifierException;
import io.jointops.identifiers.MatchKey;
import io.jointops.identifiers.MatchRule;
import io.jointops.platform.identifiers.ContractIdentifiers;
import io.jointops.intel.command.WatchlistIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Matches the identifiers an event delivered to an agency names against that agency's watchlist (the entries' match
 * keys, {@code watchlist_key}) and raises an alert on the watchlist for each entry matched, by the strongest rule, with
 * where the event names it. An agency without a watchlist has no keys: nothing is raised. A value the normalisation
 * refuses is left out. Sent by every service's partner feed ({@code platform.watchlist}); the watchlist raises an
 * alert per entry and item once, so a check sent again, or another event of the same item, raises nothing new.
 */
@Component
class WatchlistChecks {

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final ObjectMapper json;

    WatchlistChecks(JdbcClient jdbc, CommandGateway commands, ObjectMapper json) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.json = json;
    }

    @CommandHandler
    void handle(CheckWatchlistsCommand check) {
        ArrayNode keys = json.createArrayNode();
        for (NamedIdentifier named : check.identifiers()) {
            for (Identifies.Kind kind : named.kinds()) {
                Identifier identifier;
                try {
                    identifier = ContractIdentifiers.of(kind, named.value(), named.country());
                } catch (InvalidIdentifierException e) {
                    continue;
                }
                String family = ContractIdentifiers.kind(kind).family().name();
                for (MatchKey key : identifier.keys()) {
                    keys.addObject().put("family", family).put("index_key", key.indexKey())
                            .put("rule", key.rule().id()).put("path", named.path()).put("value", named.value())
                            .put("country", named.country());
                }
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        Map<String, Hit> best = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT w.entry_id, w.rule AS entry_rule, r.rule, r.path, r.value, r.country
                          FROM jsonb_to_recordset(CAST(:keys AS jsonb))
                               AS r(family TEXT, index_key TEXT, rule TEXT, path TEXT, value TEXT, country TEXT)
                          JOIN watchlist_key w ON w.agency = :agency AND w.family = r.family
                               AND w.index_key = r.index_key
                         ORDER BY r.path, w.entry_id""")
                .param("keys", keys.toString()).param("agency", check.agency())
                .query((row, n) -> new Hit(row.getString("entry_id"), row.getString("entry_rule"),
                        row.getString("rule"), row.getString("path"), row.getString("value"),
                        row.getString("country")))
                .list()
                .forEach(hit -> MatchRule.combine(MatchRule.ofId(hit.entryRule()), MatchRule.ofId(hit.rule()))
                        .ifPresent(rule -> best.merge(hit.entryId(), hit.as(rule),
                                (before, now) -> MatchRule.stronger(MatchRule.ofId(before.rule()), rule) == rule
                                        && !before.rule().equals(rule.id()) ? now : before)));
        best.values().forEach(hit -> commands.sendAndWait(new RaiseWatchlistAlertCommand(
                WatchlistIds.of(check.agency()), check.agency(), hit.entryId(), check.item(), check.sequence(),
                hit.path(), hit.value(), hit.country(), hit.rule()), 30, TimeUnit.SECONDS));
    }

    /** A key of the event's identifiers equal to a key of an entry; {@link #rule} is the match's once combined. */
    private record Hit(String entryId, String entryRule, String rule, String path, String value, String country) {
        Hit as(MatchRule matched) {
            return new Hit(entryId, entryRule, matched.id(), path, value, country);
        }
    }
}
