package io.jointops.cases.query.caseview;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.SharedItemRef;
import io.jointops.cases.command.CaseLinkedItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The case view's agencies and linked items, for the attachment check of a cooperation request being sent. */
@Component
class CaseLinkedItemsFromView implements CaseLinkedItems {

    private final JdbcClient jdbc;

    CaseLinkedItemsFromView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CaseItems> of(String caseId) {
        Optional<Set<String>> agencies = jdbc.sql("""
                        SELECT lead_agency, array_to_string(partner_agencies, ',') AS partners FROM case_view WHERE case_id = :id""")
                .param("id", caseId)
                .query((rs, row) -> {
                    Set<String> all = new HashSet<>();
                    all.add(rs.getString("lead_agency"));
                    String partners = rs.getString("partners");
                    if (partners != null && !partners.isEmpty()) {
                        all.addAll(List.of(partners.split(",")));
                    }
                    return all;
                })
                .optional();
        return agencies.map(all -> {
            Map<SharedItemRef, Set<String>> audiences = new HashMap<>();
            jdbc.sql("SELECT item_type, item_id, visible_to FROM case_linked_item WHERE case_id = :id")
                    .param("id", caseId)
                    .query((rs, row) -> audiences.put(
                            new SharedItemRef(LinkedItemType.valueOf(rs.getString("item_type")), rs.getString("item_id")),
                            Set.of((String[]) rs.getArray("visible_to").getArray())))
                    .list();
            return new CaseItems(Set.copyOf(all), Map.copyOf(audiences));
        });
    }
}
