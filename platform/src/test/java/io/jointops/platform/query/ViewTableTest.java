package io.jointops.platform.query;

import io.jointops.platform.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On the test PostgreSQL: each agency pages through its own rows only, auditors (no agency) through all. */
class ViewTableTest {

    static final ViewTable TABLE = new ViewTable("platform_test.item_view", "item_id",
            "owner_agency = :agency OR :agency = ANY(released_to)", "item_no DESC, item_id");

    static JdbcClient jdbc;

    @BeforeAll
    static void rows() {
        jdbc = JdbcClient.create(TestDatabase.dataSource());
        jdbc.sql("DROP SCHEMA IF EXISTS platform_test CASCADE").update();
        jdbc.sql("CREATE SCHEMA platform_test").update();
        jdbc.sql("""
                CREATE TABLE platform_test.item_view (item_id TEXT PRIMARY KEY, item_no INT NOT NULL,
                                                      owner_agency TEXT NOT NULL, released_to TEXT[] NOT NULL)""")
                .update();
        for (int n = 1; n <= 5; n++) {
            jdbc.sql("INSERT INTO platform_test.item_view VALUES (:id, :n, :owner, string_to_array(:released, ','))")
                    .param("id", "item-" + n).param("n", n)
                    .param("owner", n % 2 == 0 ? "US-DEA" : "CN-NNCC")
                    .param("released", n == 5 ? "US-DEA" : "")
                    .update();
        }
    }

    @Test
    void anAgencyPagesThroughTheRowsItOwnsOrIsReleasedTo() {
        Page<String> first = TABLE.page(jdbc, "US-DEA", 0, 2, (row, n) -> row.getString("item_id"));
        Page<String> second = TABLE.page(jdbc, "US-DEA", 1, 2, (row, n) -> row.getString("item_id"));
        assertThat(first).isEqualTo(new Page<>(List.of("item-5", "item-4"), 0, 2, 3, 2));
        assertThat(second).isEqualTo(new Page<>(List.of("item-2"), 1, 2, 3, 2));
    }

    @Test
    void noAgencyReadsEveryRow() {
        Page<String> all = TABLE.page(jdbc, null, 0, 10, (row, n) -> row.getString("item_id"));
        assertThat(all.items()).containsExactly("item-5", "item-4", "item-3", "item-2", "item-1");
        assertThat(all.totalItems()).isEqualTo(5);
    }

    @Test
    void findsARowByItsId() {
        assertThat(TABLE.find(jdbc, "item-5", (row, n) -> row.getInt("item_no"))).contains(5);
        assertThat(TABLE.find(jdbc, "item-9", (row, n) -> row.getInt("item_no"))).isEmpty();
    }

    @Test
    void anAgencyWithoutRowsGetsAnEmptyPage() {
        assertThat(TABLE.page(jdbc, "GB-NCA", 0, 10, (row, n) -> row.getString("item_id")))
                .isEqualTo(new Page<>(List.of(), 0, 10, 0, 0));
    }
}
