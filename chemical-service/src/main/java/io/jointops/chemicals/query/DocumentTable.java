package io.jointops.chemicals.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ViewTable;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A view table of whole view records as JSON documents ({@code <id column>, agencies TEXT[], status, version,
 * created_at, document}). The projector writes the record its fold computed, so the row equals the state an
 * {@code ?asOf=} read folds from the same events.
 */
public final class DocumentTable<V extends DocumentView> {

    private final ViewTable table;
    private final Class<V> type;
    private final ObjectMapper json;
    private final String name;
    private final String idColumn;

    public DocumentTable(String name, String idColumn, Class<V> type, ObjectMapper json) {
        this.name = name;
        this.idColumn = idColumn;
        this.table = new ViewTable(name, idColumn, ":agency = ANY(agencies)", "created_at DESC, " + idColumn);
        this.type = type;
        this.json = json;
    }

    public Optional<V> find(JdbcClient jdbc, String id) {
        return table.find(jdbc, id, (row, n) -> read(row.getString("document")));
    }

    /** @param agency {@code null} for every row (joint auditors) */
    public Page<V> page(JdbcClient jdbc, String agency, int page, int size) {
        return table.page(jdbc, agency, page, size, (row, n) -> read(row.getString("document")));
    }

    /** Writes the view unless the row already has this version or a later one (a replayed event). */
    public void write(JdbcClient jdbc, V view) {
        jdbc.sql("INSERT INTO " + name + " (" + idColumn + ", agencies, status, version, created_at, document)"
                        + " VALUES (:id, string_to_array(:agencies, ','), :status, :version, :created, CAST(:document AS JSONB))"
                        + " ON CONFLICT (" + idColumn + ") DO UPDATE SET agencies = EXCLUDED.agencies, status = EXCLUDED.status,"
                        + " version = EXCLUDED.version, document = EXCLUDED.document"
                        + " WHERE " + name + ".version < EXCLUDED.version")
                .param("id", view.id())
                .param("agencies", String.join(",", view.agencies()))
                .param("status", view.status())
                .param("version", view.version())
                .param("created", view.createdAt().atOffset(ZoneOffset.UTC))
                .param("document", write(view))
                .update();
    }

    public void deleteAll(JdbcClient jdbc) {
        jdbc.sql("TRUNCATE " + name).update();
    }

    private String write(V view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private V read(String document) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a " + name + " row does not hold a view record", e);
        }
    }
}
