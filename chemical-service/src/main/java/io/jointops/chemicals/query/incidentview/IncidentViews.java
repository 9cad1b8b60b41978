package io.jointops.chemicals.query.incidentview;

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
import java.util.Optional;

/** Reads the incident view, always for one agency: an incident the agency may not see is reported as missing. */
@Component
public class IncidentViews implements ItemViews<IncidentView> {

    private final DocumentTable<IncidentView> table;
    private final JdbcClient jdbc;
    private final ItemEvents events;
    private final ViewReplays replays;

    IncidentViews(JdbcClient jdbc, ObjectMapper json, ItemEvents events, ViewReplays replays) {
        this.table = new DocumentTable<>("incident_view", "incident_id", IncidentView.class, json);
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
    }

    DocumentTable<IncidentView> table() {
        return table;
    }

    /** @param agency the caller's agency; {@code null} means unrestricted (joint auditors) */
    public Optional<IncidentView> find(String incidentId, String agency) {
        replays.requireServing(IncidentViewProjector.PROCESSING_GROUP);
        return table.find(jdbc, incidentId).filter(view -> agency == null || view.visibleTo(agency));
    }

    public Page<IncidentView> visibleTo(String agency, int page, int size) {
        replays.requireServing(IncidentViewProjector.PROCESSING_GROUP);
        return table.page(jdbc, agency, page, size);
    }

    public Optional<IncidentView> asOf(String incidentId, Instant asOf, String agency) {
        return IncidentViewFold.fold(events.until(incidentId, asOf)).filter(view -> agency == null || view.visibleTo(agency));
    }

    public Optional<IncidentView> awaitVersion(String incidentId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(incidentId, version, () -> table.find(jdbc, incidentId), view -> view.version(), timeout);
    }
}
