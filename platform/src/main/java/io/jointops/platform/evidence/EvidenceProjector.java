package io.jointops.platform.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileReadEvent;
import io.jointops.api.evidence.EvidenceFileSharedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.evidence.EvidenceIntegrityFailedEvent;
import io.jointops.platform.audit.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Keeps the evidence view ({@code evidence_file}, {@code evidence_custody}) of this service's items, from the evidence
 * events: every service's items use the same event types, so the ones of another service's item types are skipped.
 * Rows are keyed by file and event id: a replay or redelivery changes nothing.
 */
@ProcessingGroup(EvidenceProjector.PROCESSING_GROUP)
class EvidenceProjector {

    static final String PROCESSING_GROUP = "evidence";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Set<String> itemTypes;

    EvidenceProjector(JdbcClient jdbc, ObjectMapper json, Set<String> itemTypes) {
        this.jdbc = jdbc;
        this.json = json;
        this.itemTypes = itemTypes;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE evidence_file, evidence_custody").update();
    }

    @EventHandler
    void on(EvidenceFileAddedEvent event, DomainEventMessage<?> message, @Timestamp Instant at, TrackingToken token) {
        if (!itemTypes.contains(event.itemType())) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO evidence_file (file_id, item_id, item_type, sha256, size, content_type, chunk_size,
                               chunk_list_sha256, original_name, reason, added_by, agency, added_at, added_sequence,
                               supersedes)
                        VALUES (:file, :item, :type, :sha256, :size, :contentType, :chunkSize, :chunkList, :name,
                                :reason, :by, :agency, :at, :sequence, :supersedes)
                        ON CONFLICT (file_id) DO NOTHING""")
                .param("file", event.fileId()).param("item", event.itemId()).param("type", event.itemType())
                .param("sha256", event.sha256()).param("size", event.size()).param("contentType", event.contentType())
                .param("chunkSize", event.chunkSize()).param("chunkList", event.chunkListSha256())
                .param("name", event.originalName()).param("reason", event.reason()).param("by", event.addedBy())
                .param("agency", event.agency()).param("at", at.atOffset(ZoneOffset.UTC))
                .param("sequence", message.getSequenceNumber()).param("supersedes", event.supersedes())
                .update();
        custody(message, event.itemId(), event.fileId(), at, token, new CustodyEntry(message.getIdentifier(),
                CustodyEntry.ADDED, at, event.addedBy(), event.agency(), event.sha256(), event.originalName(),
                event.size(), event.contentType(), event.reason(), event.sharedWith(), event.supersedes(), null, null,
                null));
    }

    @EventHandler
    void on(EvidenceFileSupersededEvent event, EventMessage<?> message, @Timestamp Instant at, TrackingToken token) {
        if (!itemTypes.contains(event.itemType())) {
            return;
        }
        jdbc.sql("""
                        UPDATE evidence_file SET superseded_by = :by, superseded_at = :at
                         WHERE file_id = :file AND superseded_by IS NULL""")
                .param("by", event.supersededBy()).param("at", at.atOffset(ZoneOffset.UTC))
                .param("file", event.fileId()).update();
        custody(message, event.itemId(), event.fileId(), at, token, new CustodyEntry(message.getIdentifier(),
                CustodyEntry.SUPERSEDED, at, event.by(), event.agency(), event.sha256(), null, null, null,
                event.reason(), null, null, event.supersededBy(), null, null));
    }

    @EventHandler
    void on(EvidenceFileSharedEvent event, EventMessage<?> message, @Timestamp Instant at, TrackingToken token) {
        if (!itemTypes.contains(event.itemType())) {
            return;
        }
        custody(message, event.itemId(), event.fileId(), at, token, new CustodyEntry(message.getIdentifier(),
                CustodyEntry.SHARED, at, event.by() != null ? event.by() : AuditMetadata.actor(message.getMetaData()),
                AuditMetadata.agency(message.getMetaData()), event.sha256(),
                null, null, null, null, List.of(event.agency()), null, null, null, null));
    }

    @EventHandler
    void on(EvidenceFileReadEvent event, EventMessage<?> message, @Timestamp Instant at, TrackingToken token) {
        if (!itemTypes.contains(event.itemType())) {
            return;
        }
        custody(message, event.itemId(), event.fileId(), at, token, new CustodyEntry(message.getIdentifier(),
                CustodyEntry.DOWNLOADED, at, event.reader(), event.readerAgency(), event.sha256(), null, null, null,
                null, null, null, null, event.range(), null));
    }

    @EventHandler
    void on(EvidenceIntegrityFailedEvent event, EventMessage<?> message, @Timestamp Instant at,
            TrackingToken token) {
        if (!itemTypes.contains(event.itemType())) {
            return;
        }
        custody(message, event.itemId(), event.fileId(), at, token, new CustodyEntry(message.getIdentifier(),
                CustodyEntry.INTEGRITY_FAILED, at, event.requestedBy(), event.agency(), event.sha256(), null, null,
                null, null, null, null, null, null, event.chunk()));
    }

    private void custody(EventMessage<?> message, String itemId, String fileId, Instant at, TrackingToken token,
                         CustodyEntry entry) {
        String text;
        try {
            text = json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                        INSERT INTO evidence_custody (event_id, file_id, item_id, position, at, entry)
                        VALUES (:event, :file, :item, :position, :at, CAST(:entry AS jsonb))
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("event", message.getIdentifier()).param("file", fileId).param("item", itemId)
                .param("position", token == null ? 0 : token.position().orElse(0))
                .param("at", at.atOffset(ZoneOffset.UTC)).param("entry", text).update();
    }
}
