package io.jointops.intel;

import io.jointops.platform.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade of a database with reports stored under the former entity index ({@code intel_report_entity}, one
 * normal form per entity): after the migration to the match keys, every stored report is found across scripts and
 * spellings as a new one is, without a replay, and the owners' notifications say the rule they matched by.
 */
class EntityKeysMigrationIT {

    @Test
    void reportsStoredBeforeTheUpgradeAreFoundByTheirNewKeys() {
        DriverManagerDataSource database = TestDatabase.ownDatabase("intel_upgrade", true);
        Flyway.configure().dataSource(database).schemas("intel").defaultSchema("intel").locations("classpath:db/processing", "classpath:db/intel")
                .target("2").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        // as V2's projector stored it: the view's document with the entities, the index with their normal forms
        jdbc.sql("""
                INSERT INTO intel.intel_report_view (report_id, owner_agency, released_to, status, tlp, created_at,
                                                     version, doc)
                VALUES ('r-1', 'CN-NNCC', ARRAY['US-DEA'], 'DISSEMINATED', 'TLP:AMBER', now(), 3, CAST(:doc AS JSONB))""")
                .param("doc", """
                        {"id":"r-1","ownerAgency":"CN-NNCC","status":"DISSEMINATED","entities":[
                          {"entityId":"p","type":"PERSON","value":"张伟","normalised":"张伟"},
                          {"entityId":"t","type":"PHONE_NUMBER","value":"+1 (202) 555-0143","normalised":"+12025550143"},
                          {"entityId":"x","type":"PHONE_NUMBER","value":"+1 234 567","normalised":"+1234567"}]}""")
                .update();
        jdbc.sql("""
                INSERT INTO intel.intel_report_entity (report_id, entity_type, normalised)
                VALUES ('r-1', 'PERSON', '张伟'), ('r-1', 'PHONE_NUMBER', '+12025550143'), ('r-1', 'PHONE_NUMBER', '+1234567')""")
                .update();
        jdbc.sql("""
                INSERT INTO intel.intel_notification (event_id, owner_agency, report_id, searching_agency, searcher,
                                                      entity_type, normalised, noted_at)
                VALUES ('n-1', 'CN-NNCC', 'r-1', 'GB-NCA', 'gb.investigator', 'PHONE_NUMBER', '+12025550143', now()),
                       ('n-2', 'CN-NNCC', 'r-1', 'GB-NCA', 'gb.investigator', 'PERSON', '张伟', now())""").update();

        Flyway.configure().dataSource(database).schemas("intel").defaultSchema("intel").locations("classpath:db/processing", "classpath:db/intel")
                .load().migrate();

        List<String> keys = jdbc.sql("""
                        SELECT entity_type || ' ' || match_key || ' ' || rule FROM intel.intel_report_entity_key
                         WHERE report_id = 'r-1' ORDER BY 1""").query(String.class).list();
        assertThat(keys).contains("PERSON latin:zhangwei pinyin", "PERSON latin:weizhang pinyin-reversed-order",
                "PERSON exact:张伟 exact", "PHONE_NUMBER e164:+12025550143 e164",
                // a number the old pattern took and libphonenumber refuses is still found by its stored normal form
                "PHONE_NUMBER e164:+1234567 e164");
        assertThat(jdbc.sql("SELECT to_regclass('intel.intel_report_entity') IS NULL").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT event_id || ' ' || rule FROM intel.intel_notification ORDER BY event_id")
                .query(String.class).list()).containsExactly("n-1 e164", "n-2 case-and-punctuation");
    }
}
