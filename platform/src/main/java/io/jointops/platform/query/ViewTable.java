package io.jointops.platform.query;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Optional;

/**
 * A view table, read by item id or listed page by page; each agency lists only the rows it may see.
 *
 * @param name      the table, e.g. {@code case_view}
 * @param idColumn  the column of the item's id, e.g. {@code case_id}
 * @param visibleTo the SQL condition under which a row is visible to the agency {@code :agency}
 * @param orderBy   the list order; it ends in a unique column, so that pages neither overlap nor skip rows
 */
public record ViewTable(String name, String idColumn, String visibleTo, String orderBy) {

    /** The row of item {@code id}, whoever may see it: the caller checks the agency. */
    public <T> Optional<T> find(JdbcClient jdbc, String id, RowMapper<T> rows) {
        return jdbc.sql("SELECT * FROM " + name + " WHERE " + idColumn + " = :id").param("id", id).query(rows).optional();
    }

    /**
     * Page {@code page} of the rows {@code agency} may see.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    public <T> Page<T> page(JdbcClient jdbc, String agency, int page, int size, RowMapper<T> rows) {
        String where = agency == null ? "" : " WHERE " + visibleTo;
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM " + name + where);
        JdbcClient.StatementSpec select = jdbc.sql(
                "SELECT * FROM " + name + where + " ORDER BY " + orderBy + Page.rows(page, size));
        if (agency != null) {
            count = count.param("agency", agency);
            select = select.param("agency", agency);
        }
        long total = count.query(Long.class).single();
        List<T> items = select.query(rows).list();
        return Page.of(items, page, size, total);
    }
}
