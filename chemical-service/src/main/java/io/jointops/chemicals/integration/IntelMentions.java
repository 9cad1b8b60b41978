package io.jointops.chemicals.integration;

import io.jointops.platform.replay.ViewRebuildingException;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/** Which intelligence reports an agency may see name one of the given parties. */
@Component
public class IntelMentions {

    /** A report naming a party; {@code name} is the normalised name it names. */
    public record Mention(String reportId, String title, String name) {
    }

    private final JdbcClient jdbc;
    private final ViewReplays replays;

    IntelMentions(JdbcClient jdbc, ViewReplays replays) {
        this.jdbc = jdbc;
        this.replays = replays;
    }

    /**
     * @param names  normalised party names ({@link io.jointops.chemicals.command.PartyNames})
     * @param agency the viewer's agency; {@code null} (joint auditors) sees every report
     * @throws ViewRebuildingException while the mentions are being rebuilt
     */
    public List<Mention> naming(Collection<String> names, String agency) {
        replays.requireServing(IntelMentionsProjector.PROCESSING_GROUP);
        if (names.isEmpty()) {
            return List.of();
        }
        String visible = agency == null ? "" : """
                 AND EXISTS (SELECT 1 FROM intel_audience a WHERE a.report_id = m.report_id AND a.agency = :agency)""";
        var query = jdbc.sql("SELECT m.report_id, m.title, m.name_key FROM intel_mention m WHERE m.name_key IN (:names)"
                        + visible + " ORDER BY m.report_id, m.name_key")
                .param("names", List.copyOf(names));
        if (agency != null) {
            query = query.param("agency", agency);
        }
        return query.query((row, n) -> new Mention(row.getString(1), row.getString(2), row.getString(3))).list();
    }
}
