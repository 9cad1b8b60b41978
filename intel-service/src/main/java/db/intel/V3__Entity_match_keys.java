package db.intel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.intel.IntelEntity;
import io.jointops.intel.query.reportview.EntityKeyIndex;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.List;

/**
 * Hit/no-hit across scripts and spellings (issue 16): the entity index becomes {@code intel_report_entity_key}, the
 * match keys of each report's entities with the rule that produced each, and the owners' notifications keep the rule
 * a search matched by. A Java migration, because the keys of the reports already stored (pinyin of Chinese names,
 * E.164 by libphonenumber) are computed by the same code as the projector's ({@link EntityKeyIndex}), from the
 * entities the report view holds: after the upgrade every stored report is found as a new one is, without a replay.
 * The view's processor keeps its tokens; a later replay of {@code intel-report-view} computes the same keys.
 */
public class V3__Entity_match_keys extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public void migrate(Context context) throws Exception {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        jdbc.sql("""
                CREATE TABLE intel_report_entity_key (
                    report_id   VARCHAR(64) NOT NULL,
                    entity_type VARCHAR(24) NOT NULL,
                    match_key   TEXT        NOT NULL,
                    rule        VARCHAR(32) NOT NULL,
                    PRIMARY KEY (report_id, entity_type, match_key, rule)
                )""").update();
        jdbc.sql("CREATE INDEX intel_report_entity_key_match ON intel_report_entity_key (entity_type, match_key)").update();
        List<String[]> reports = jdbc.sql("SELECT report_id, doc -> 'entities' AS entities FROM intel_report_view")
                .query((row, n) -> new String[]{row.getString("report_id"), row.getString("entities")}).list();
        for (String[] report : reports) {
            List<IntelEntity> entities = report[1] == null ? List.of()
                    : JSON.readValue(report[1], new TypeReference<List<IntelEntity>>() { });
            EntityKeyIndex.write(jdbc, report[0], entities);
        }
        jdbc.sql("DROP TABLE intel_report_entity").update();

        // notices stored before kept no rule: they matched by the entity type's normal form
        jdbc.sql("ALTER TABLE intel_notification ADD COLUMN rule VARCHAR(32)").update();
        jdbc.sql("""
                UPDATE intel_notification
                   SET rule = CASE WHEN entity_type = 'PHONE_NUMBER' THEN 'e164'
                                   WHEN entity_type = 'VESSEL' AND normalised ~ '^IMO[0-9]{7}$' THEN 'imo'
                                   ELSE 'case-and-punctuation' END""").update();
        jdbc.sql("ALTER TABLE intel_notification ALTER COLUMN rule SET NOT NULL").update();
    }
}
