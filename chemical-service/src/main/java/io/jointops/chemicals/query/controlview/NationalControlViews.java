package io.jointops.chemicals.query.controlview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.chemicals.query.DocumentTable;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads national controls. They are reference data: every caller reads every control. */
@Component
public class NationalControlViews implements ItemViews<NationalControlView> {

    private final DocumentTable<NationalControlView> table;
    private final JdbcClient jdbc;
    private final ItemEvents events;
    private final ViewReplays replays;

    NationalControlViews(JdbcClient jdbc, ObjectMapper json, ItemEvents events, ViewReplays replays) {
        this.table = new DocumentTable<>("national_control_view", "control_id", NationalControlView.class, json);
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
    }

    DocumentTable<NationalControlView> table() {
        return table;
    }

    /** The control; the registry is public, so every agency sees every control. */
    @Override
    public Optional<NationalControlView> find(String controlId, String agency) {
        replays.requireServing(NationalControlViewProjector.PROCESSING_GROUP);
        return table.find(jdbc, controlId);
    }

    public Page<NationalControlView> list(int page, int size) {
        replays.requireServing(NationalControlViewProjector.PROCESSING_GROUP);
        return table.page(jdbc, null, page, size);
    }

    /** Every country's controls of the substance (matched by CAS RN where it has one, else by registry name). */
    public List<NationalControlView> forSubstance(String substanceName, String casNumber) {
        replays.requireServing(NationalControlViewProjector.PROCESSING_GROUP);
        return jdbc.sql("SELECT control_id FROM national_control_view WHERE"
                        + " (document->>'casNumber' = :cas OR (document->>'casNumber' IS NULL AND document->>'substanceName' = :name))"
                        + " ORDER BY created_at, control_id")
                .param("cas", casNumber == null ? "" : casNumber).param("name", substanceName)
                .query(String.class).list().stream()
                .flatMap(id -> table.find(jdbc, id).stream()).toList();
    }

    /** The controls of {@code country} for the substance (matched by CAS RN where it has one, else by name). */
    public List<NationalControlView> forSubstanceIn(String country, String substanceName, String casNumber) {
        replays.requireServing(NationalControlViewProjector.PROCESSING_GROUP);
        return jdbc.sql("SELECT control_id FROM national_control_view WHERE document->>'country' = :country"
                        + " AND (document->>'casNumber' = :cas OR (document->>'casNumber' IS NULL AND document->>'substanceName' = :name))"
                        + " ORDER BY created_at, control_id")
                .param("country", country).param("cas", casNumber == null ? "" : casNumber).param("name", substanceName)
                .query(String.class).list().stream()
                .flatMap(id -> table.find(jdbc, id).stream()).toList();
    }

    /** The control as it was at {@code asOf}, if it existed; every agency sees every control. */
    @Override
    public Optional<NationalControlView> asOf(String controlId, Instant asOf, String agency) {
        return NationalControlViewFold.fold(events.until(controlId, asOf));
    }

    @Override
    public Optional<NationalControlView> awaitVersion(String controlId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(controlId, version, () -> table.find(jdbc, controlId), view -> view.version(), timeout);
    }
}
