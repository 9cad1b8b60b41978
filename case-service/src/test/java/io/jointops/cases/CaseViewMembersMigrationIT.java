package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** V7: a case stored before it gets its members and links in its row, as the reads took them from their own rows. */
class CaseViewMembersMigrationIT {

    @Test
    void casesStoredBeforeGetTheirMembersAndLinksInTheirRow() throws Exception {
        DriverManagerDataSource dataSource = TestDatabase.ownDatabase("case_view_v7", false);
        Flyway.configure().dataSource(dataSource).schemas("cases").defaultSchema("cases")
                .locations("classpath:db/processing", "classpath:db/cases").target("6").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                INSERT INTO cases.case_view (case_id, title, summary, lead_agency, partner_agencies, tlp, handling_code,
                                             status, version, opened_at, updated_at)
                VALUES ('c-1', 't', 's', 'CN-NNCC', '{US-DEA}', 'TLP:AMBER', 'H2', 'OPEN', 3,
                        '2026-12-05T10:00:00Z', '2026-12-05T10:00:00Z'),
                       ('c-2', 't', 's', 'CN-NNCC', '{}', 'TLP:AMBER', 'H2', 'OPEN', 0,
                        '2026-12-05T10:00:00Z', '2026-12-05T10:00:00Z')""").update();
        jdbc.sql("""
                INSERT INTO cases.case_member (case_id, username, agency, role, added_at)
                VALUES ('c-1', 'cn.investigator', 'CN-NNCC', 'LEAD', '2026-12-05T10:00:00.123456Z')""").update();
        jdbc.sql("""
                INSERT INTO cases.case_linked_item (case_id, item_type, item_id, title, status, linked_at, updated_at,
                                                    visible_to)
                VALUES ('c-1', 'INTEL_REPORT', 'r-2', 'second', 'APPROVED', '2026-12-05T10:02:00Z', NULL, '{CN-NNCC}'),
                       ('c-1', 'INTEL_REPORT', 'r-1', NULL, NULL, '2026-12-05T10:01:00Z', '2026-12-05T10:03:00Z',
                        '{CN-NNCC,US-DEA}')""").update();

        Flyway.configure().dataSource(dataSource).schemas("cases").defaultSchema("cases")
                .locations("classpath:db/processing", "classpath:db/cases").load().migrate();

        ObjectMapper json = new ObjectMapper();
        JsonNode members = json.readTree(jdbc.sql("SELECT members FROM cases.case_view WHERE case_id = 'c-1'")
                .query(String.class).single());
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("username").asText()).isEqualTo("cn.investigator");
        assertThat(members.get(0).path("role").asText()).isEqualTo("LEAD");
        assertThat(members.get(0).path("addedAt").asText()).isEqualTo("2026-12-05T10:00:00.123456Z");
        JsonNode links = json.readTree(jdbc.sql("SELECT linked_items FROM cases.case_view WHERE case_id = 'c-1'")
                .query(String.class).single());
        assertThat(links).extracting(link -> link.path("itemId").asText()).as("in the order they were linked")
                .containsExactly("r-1", "r-2");
        assertThat(links.get(0).path("title").isNull()).isTrue();
        assertThat(links.get(0).path("updatedAt").asText()).isEqualTo("2026-12-05T10:03:00.000000Z");
        assertThat(links.get(0).path("visibleTo").toString()).isEqualTo("[\"CN-NNCC\",\"US-DEA\"]");
        assertThat(links.get(1).path("updatedAt").asText()).as("never updated: when it was linked")
                .isEqualTo("2026-12-05T10:02:00.000000Z");
        assertThat(jdbc.sql("SELECT members::text || linked_items::text FROM cases.case_view WHERE case_id = 'c-2'")
                .query(String.class).single()).isEqualTo("[][]");
    }
}
