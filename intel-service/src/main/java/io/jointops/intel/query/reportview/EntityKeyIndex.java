package io.jointops.intel.query.reportview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.intel.IntelEntity;
import io.jointops.identifiers.MatchKey;
import io.jointops.intel.command.EntityIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entity index of hit/no-hit ({@code intel_report_entity_key}): for each report, the match keys of the entities
 * it names ({@link EntityIdentifiers#keys}), each with the rule that produced it. Computed from the entities as
 * written (value and country), so a replay of the view, or the migration that created the index, computes them by
 * the rules of the running release.
 */
public final class EntityKeyIndex {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EntityKeyIndex() {
    }

    /** Replaces the report's keys with those of {@code entities}: one statement to delete, one to insert. */
    public static void write(JdbcClient jdbc, String reportId, List<IntelEntity> entities) {
        jdbc.sql("DELETE FROM intel_report_entity_key WHERE report_id = :id").param("id", reportId).update();
        List<Map<String, String>> rows = rows(entities);
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO intel_report_entity_key (report_id, entity_type, match_key, rule)
                            SELECT :id, r.type, r.key, r.rule
                              FROM jsonb_to_recordset(CAST(:rows AS JSONB)) AS r(type TEXT, key TEXT, rule TEXT)
                            ON CONFLICT DO NOTHING""")
                    .param("id", reportId).param("rows", JSON.writeValueAsString(rows)).update();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, String>> rows(List<IntelEntity> entities) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (IntelEntity entity : entities) {
            for (MatchKey key : EntityIdentifiers.keys(entity)) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("type", entity.type().name());
                row.put("key", key.indexKey());
                row.put("rule", key.rule().id());
                rows.add(row);
            }
        }
        return rows;
    }
}
