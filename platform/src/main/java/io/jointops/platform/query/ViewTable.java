package io.jointops.platform.query;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * A view table that agencies list page by page, each seeing only its own rows.
 *
 * @param name      the table, e.g. {@code case_view}
 * @param visibleTo the SQL condition under which a row is visible to the agency {@code :agency}
 * @param orderBy   the list order; it ends in a unique column, so that pages neither overlap nor skip rows
 */
public record ViewTable(String name, String visibleTo, String orderBy) {

    /**
     * Page {@code page} of the rows {@code agency} may see.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    public <T> Page<T> page(JdbcClient jdbc, String agency, int page, int size, RowMapper<T> rows) {
        String where = agency == null ? "" : " WHERE " + visibleTo;
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM " + name + where);
        JdbcClient.StatementSpec select = jdbc.sql(
                "SELECT * FROM " + name + where + " ORDER BY " + orderBy + " LIMIT :size OFFSET :offset");
        if (agency != null) {
            count = count.param("agency", agency);
            select = select.param("agency", agency);
        }
        long total = count.query(Long.class).single();
        List<T> items = select.param("size", size).param("offset", (long) page * size).query(rows).list();
        return Page.of(items, page, size, total);
    }
}
