package io.jointops.chemicals.query.shipmentview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.chemicals.command.ControlledPrecursors;
import io.jointops.chemicals.command.PartyNames;
import io.jointops.chemicals.integration.IntelMentions;
import io.jointops.chemicals.query.DocumentTable;
import io.jointops.chemicals.query.controlview.NationalControlViews;
import io.jointops.chemicals.query.notificationview.NotificationViews;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the shipment view for one agency, with the shipment's risk assessed for that agency at the time of reading:
 * which intelligence names its parties depends on what is released to the reader, and new intelligence, national
 * controls or "no reply" notifications count at once without rewriting every shipment. A shipment the agency may not
 * see is reported as missing.
 */
@Component
public class ShipmentViews implements ItemViews<ShipmentView> {

    private final DocumentTable<ShipmentView> table;
    private final JdbcClient jdbc;
    private final ItemEvents events;
    private final ViewReplays replays;
    private final ControlledPrecursors precursors;
    private final NationalControlViews controls;
    private final NotificationViews notifications;
    private final IntelMentions intelligence;
    private final int noReplyThreshold;

    ShipmentViews(JdbcClient jdbc, ObjectMapper json, ItemEvents events, ViewReplays replays,
                  ControlledPrecursors precursors, NationalControlViews controls, NotificationViews notifications,
                  IntelMentions intelligence,
                  @Value("${jointops.pen.repeated-no-reply-threshold:2}") int noReplyThreshold) {
        this.table = new DocumentTable<>("shipment_view", "shipment_id", ShipmentView.class, json);
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
        this.precursors = precursors;
        this.controls = controls;
        this.notifications = notifications;
        this.intelligence = intelligence;
        this.noReplyThreshold = noReplyThreshold;
    }

    DocumentTable<ShipmentView> table() {
        return table;
    }

    /** @param agency the caller's agency; {@code null} means unrestricted (joint auditors) */
    public Optional<ShipmentView> find(String shipmentId, String agency) {
        replays.requireServing(ShipmentViewProjector.PROCESSING_GROUP);
        return table.find(jdbc, shipmentId).filter(view -> agency == null || view.visibleTo(agency))
                .map(view -> assessed(view, agency));
    }

    public Page<ShipmentView> visibleTo(String agency, int page, int size) {
        replays.requireServing(ShipmentViewProjector.PROCESSING_GROUP);
        Page<ShipmentView> rows = table.page(jdbc, agency, page, size);
        return new Page<>(rows.items().stream().map(view -> assessed(view, agency)).toList(), rows.page(), rows.size(),
                rows.totalItems(), rows.totalPages());
    }

    /** As it was at {@code asOf}; its risk as the reader would see it now. */
    public Optional<ShipmentView> asOf(String shipmentId, Instant asOf, String agency) {
        return ShipmentViewFold.fold(events.until(shipmentId, asOf))
                .filter(view -> agency == null || view.visibleTo(agency))
                .map(view -> assessed(view, agency));
    }

    public Optional<ShipmentView> awaitVersion(String shipmentId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(shipmentId, version, () -> table.find(jdbc, shipmentId), view -> view.version(), timeout);
    }

    /** The shipment with its risk for {@code agency} ({@code null}: on all intelligence, for joint auditors). */
    @Override
    public Optional<ShipmentView> shownTo(ShipmentView shipment, String agency) {
        return Optional.of(assessed(shipment, agency));
    }

    private ShipmentView assessed(ShipmentView view, String agency) {
        Optional<ControlledPrecursors.Precursor> precursor = precursors.identify(view.substanceName(), view.casNumber());
        String registryName = precursor.map(ControlledPrecursors.Precursor::name).orElse(view.substanceName());
        Set<String> parties = new TreeSet<>(List.of(PartyNames.normalise(view.importer().name()),
                PartyNames.normalise(view.consignee().name())));
        return view.withRisk(RiskAssessment.assess(view, precursor,
                controls.forSubstanceIn(view.importer().address().country(), registryName, view.casNumber()),
                intelligence.naming(parties, agency),
                notifications.unansweredFor(PartyNames.normalise(view.importer().name()), agency),
                noReplyThreshold));
    }
}
