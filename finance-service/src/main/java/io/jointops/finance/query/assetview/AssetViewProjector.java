package io.jointops.finance.query.assetview;

import io.jointops.api.finance.AssetIdentifiedEvent;
import io.jointops.platform.audit.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/** Keeps {@code asset_view}; idempotent, so a replay rebuilds the same rows. */
@Component
@ProcessingGroup(AssetViewProjector.PROCESSING_GROUP)
class AssetViewProjector {

    static final String PROCESSING_GROUP = "asset-view";

    private final JdbcClient jdbc;

    AssetViewProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM asset_view").update();
    }

    @EventHandler
    void on(AssetIdentifiedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO asset_view (asset_id, case_id, category, description, identifier, country,
                                                estimated_value, currency, owner_agency, released_to, tlp, handling_code,
                                                version, recorded_at, recorded_by, updated_at)
                        VALUES (:id, :case, :category, :description, :identifier, :country, :value, :currency, :owner,
                                string_to_array(:released, ','), :tlp, :handling, :version, :at, :actor, :at)
                        ON CONFLICT (asset_id) DO NOTHING""")
                .param("id", event.assetId()).param("case", event.caseId()).param("category", event.category().name())
                .param("description", event.description()).param("identifier", event.identifier())
                .param("country", event.country()).param("value", event.estimatedValue())
                .param("currency", event.currency()).param("owner", event.ownerAgency())
                .param("released", String.join(",", event.releasedTo())).param("tlp", event.tlp().label())
                .param("handling", event.handlingCode().name()).param("version", version)
                .param("at", at.atOffset(ZoneOffset.UTC)).param("actor", actor)
                .update();
    }
}
