package io.jointops.intel.query.deconfliction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.deconfliction.DeconflictionMatch;
import io.jointops.api.deconfliction.DeconflictionMatchAddedEvent;
import io.jointops.api.deconfliction.DeconflictionNoticeIssuedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code deconfliction_notice}: a notice and the matches it says, one per own identifier, the latest rule each
 * (the aggregate notes a match again only for a stronger rule). An event at or below the row's version is skipped, so a
 * replay or redelivery changes nothing.
 */
@Component
@ProcessingGroup(DeconflictionNoticeProjector.PROCESSING_GROUP)
class DeconflictionNoticeProjector {

    static final String PROCESSING_GROUP = "deconfliction-notices";
    private static final TypeReference<List<DeconflictionMatch>> MATCHES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DeconflictionNoticeProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE deconfliction_notice").update();
    }

    @EventHandler
    void on(DeconflictionNoticeIssuedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO deconfliction_notice (notice_id, agency, item_context, item_type, item_id,
                                                          other_agency, contact, matches, issued_at, updated_at, version)
                        VALUES (:id, :agency, :context, :type, :item, :other, :contact, CAST(:matches AS jsonb), :at,
                                :at, :version)
                        ON CONFLICT (notice_id) DO NOTHING""")
                .param("id", event.noticeId()).param("agency", event.agency())
                .param("context", event.item().context()).param("type", event.item().itemType())
                .param("item", event.item().itemId()).param("other", event.otherAgency())
                .param("contact", event.contact()).param("matches", write(List.of(event.match())))
                .param("at", at.atOffset(ZoneOffset.UTC)).param("version", sequence)
                .update();
    }

    @EventHandler
    void on(DeconflictionMatchAddedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("SELECT matches::text FROM deconfliction_notice WHERE notice_id = :id AND version < :version")
                .param("id", event.noticeId()).param("version", sequence)
                .query(String.class).optional()
                .ifPresent(stored -> {
                    List<DeconflictionMatch> matches = new ArrayList<>(read(stored));
                    DeconflictionMatch added = event.match();
                    matches.removeIf(match -> match.value().equals(added.value()));
                    matches.add(added);
                    jdbc.sql("""
                                    UPDATE deconfliction_notice
                                       SET matches = CAST(:matches AS jsonb), updated_at = :at, version = :version
                                     WHERE notice_id = :id""")
                            .param("matches", write(matches)).param("at", at.atOffset(ZoneOffset.UTC))
                            .param("version", sequence).param("id", event.noticeId())
                            .update();
                });
    }

    private String write(List<DeconflictionMatch> matches) {
        try {
            return json.writeValueAsString(matches);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<DeconflictionMatch> read(String matches) {
        try {
            return json.readValue(matches, MATCHES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
