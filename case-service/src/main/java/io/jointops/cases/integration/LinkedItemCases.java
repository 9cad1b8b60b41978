package io.jointops.cases.integration;

import io.jointops.api.cases.LinkedItemType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which cases link an item ({@code linked_item_case}), written and read only by the translators, each in its own
 * processing group and for its own item types, so a change of an item is applied after the link that precedes it.
 */
@Component
class LinkedItemCases {

    private final JdbcClient jdbc;

    LinkedItemCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void linked(LinkedItemType type, String itemId, String caseId) {
        jdbc.sql("INSERT INTO linked_item_case (item_type, item_id, case_id) VALUES (:type, :itemId, :caseId) ON CONFLICT DO NOTHING")
                .param("type", type.name()).param("itemId", itemId).param("caseId", caseId).update();
    }

    List<String> casesLinking(LinkedItemType type, String itemId) {
        return jdbc.sql("SELECT case_id FROM linked_item_case WHERE item_type = :type AND item_id = :itemId ORDER BY case_id")
                .param("type", type.name()).param("itemId", itemId).query(String.class).list();
    }
}
