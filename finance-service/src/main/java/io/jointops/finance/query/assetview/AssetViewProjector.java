package io.jointops.finance.query.assetview;

import io.jointops.platform.query.FoldedView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.Set;

/**
 * Keeps {@code asset_view}: each asset event is folded into the stored record with {@link AssetViewFold#apply}, the
 * function {@code ?asOf=} uses, and the record is written back whole; a replayed event is skipped.
 */
@Component
@ProcessingGroup(AssetViewProjector.PROCESSING_GROUP)
class AssetViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "asset-view";

    private final JdbcClient jdbc;
    private final Assets views;

    AssetViewProjector(JdbcClient jdbc, Assets views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return AssetViewFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE asset_view").update();
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!AssetViewFold.handles(payload)) {
            return;
        }
        AssetView current = views.read(message.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= message.getSequenceNumber()) {
            return;
        }
        AssetView next = AssetViewFold.apply(current, message);
        if (next != null) {
            write(next);
        }
    }

    /** The record as the table's columns, which the case's lists and totals filter and sum on. */
    private void write(AssetView view) {
        jdbc.sql("""
                        INSERT INTO asset_view (asset_id, case_id, category, description, identifier, country,
                                                estimated_value, currency, owner_agency, released_to, tlp, handling_code,
                                                version, recorded_at, recorded_by, updated_at)
                        VALUES (:id, :case, :category, :description, :identifier, :country, :value, :currency, :owner,
                                string_to_array(:released, ','), :tlp, :handling, :version, :recorded, :recordedBy,
                                :updated)
                        ON CONFLICT (asset_id) DO UPDATE
                           SET case_id = EXCLUDED.case_id, category = EXCLUDED.category,
                               description = EXCLUDED.description, identifier = EXCLUDED.identifier,
                               country = EXCLUDED.country, estimated_value = EXCLUDED.estimated_value,
                               currency = EXCLUDED.currency, owner_agency = EXCLUDED.owner_agency,
                               released_to = EXCLUDED.released_to, tlp = EXCLUDED.tlp,
                               handling_code = EXCLUDED.handling_code, version = EXCLUDED.version,
                               recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by,
                               updated_at = EXCLUDED.updated_at
                         WHERE asset_view.version < EXCLUDED.version""")
                .param("id", view.id()).param("case", view.caseId()).param("category", view.category())
                .param("description", view.description()).param("identifier", view.identifier())
                .param("country", view.country()).param("value", view.estimatedValue())
                .param("currency", view.currency()).param("owner", view.ownerAgency())
                .param("released", String.join(",", view.releasedTo())).param("tlp", view.tlp())
                .param("handling", view.handlingCode()).param("version", view.version())
                .param("recorded", view.recordedAt().atOffset(ZoneOffset.UTC)).param("recordedBy", view.recordedBy())
                .param("updated", view.updatedAt().atOffset(ZoneOffset.UTC))
                .update();
    }
}
