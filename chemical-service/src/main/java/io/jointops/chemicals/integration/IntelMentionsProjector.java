package io.jointops.chemicals.integration;

import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelReportDisseminatedEvent;
import io.jointops.api.intel.IntelReportReleaseWidenedEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import io.jointops.chemicals.command.PartyNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps which organisation and person names intelligence reports name, and which agencies may see each report, from
 * intel-service's events. Names are normalised again here ({@link PartyNames}) so both sides of a match use one form.
 * Every statement is idempotent, so a replay rebuilds the same rows.
 */
@Component
@ProcessingGroup(IntelMentionsProjector.PROCESSING_GROUP)
class IntelMentionsProjector {

    static final String PROCESSING_GROUP = "intel-mentions";
    private static final Set<EntityType> PARTIES = Set.of(EntityType.ORGANISATION, EntityType.PERSON);

    private final JdbcClient jdbc;

    IntelMentionsProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE intel_mention, intel_audience").update();
    }

    @EventHandler
    void on(IntelReportDisseminatedEvent event) {
        Set<String> names = new TreeSet<>();
        for (IntelEntity entity : event.entities() == null ? java.util.List.<IntelEntity>of() : event.entities()) {
            if (PARTIES.contains(entity.type())) {
                String key = PartyNames.normalise(entity.normalised() != null ? entity.normalised() : entity.value());
                if (!key.isEmpty()) {
                    names.add(key);
                }
            }
        }
        for (String name : names) {
            jdbc.sql("""
                            INSERT INTO intel_mention (report_id, name_key, title) VALUES (:report, :name, :title)
                            ON CONFLICT (report_id, name_key) DO NOTHING""")
                    .param("report", event.reportId()).param("name", name).param("title", event.title()).update();
        }
        Set<String> audience = new TreeSet<>(event.releasedTo() == null ? Set.of() : event.releasedTo());
        audience.add(event.ownerAgency());
        addAudience(event.reportId(), audience);
    }

    @EventHandler
    void on(IntelReportReleaseWidenedEvent event) {
        addAudience(event.reportId(), event.addedAgencies() == null ? Set.of() : event.addedAgencies());
    }

    /** A withdrawn report must no longer raise an indicator. */
    @EventHandler
    void on(IntelReportWithdrawnEvent event) {
        jdbc.sql("DELETE FROM intel_mention WHERE report_id = :report").param("report", event.reportId()).update();
        jdbc.sql("DELETE FROM intel_audience WHERE report_id = :report").param("report", event.reportId()).update();
    }

    private void addAudience(String reportId, Set<String> agencies) {
        for (String agency : agencies) {
            jdbc.sql("""
                            INSERT INTO intel_audience (report_id, agency) VALUES (:report, :agency)
                            ON CONFLICT (report_id, agency) DO NOTHING""")
                    .param("report", reportId).param("agency", agency).update();
        }
    }
}
