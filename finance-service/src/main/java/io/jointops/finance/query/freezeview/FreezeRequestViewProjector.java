package io.jointops.finance.query.freezeview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.finance.FreezeExpiredEvent;
import io.jointops.api.finance.FreezeExpiryReminderIssuedEvent;
import io.jointops.api.finance.FreezeExtendedEvent;
import io.jointops.api.finance.FreezeGrantedEvent;
import io.jointops.api.finance.FreezeReleasedEvent;
import io.jointops.api.finance.FreezeRequestAcknowledgedEvent;
import io.jointops.api.finance.FreezeRequestLinkedToCaseEvent;
import io.jointops.api.finance.FreezeRequestRejectedEvent;
import io.jointops.api.finance.FreezeRequestedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps {@code freeze_request_view} and {@code freeze_request_amount}: reads the request's record, applies the event
 * with {@link FreezeRequestViewFold#apply} and writes it back. An event at or below the stored version is skipped, so a
 * redelivery or a replay rebuilds the same rows.
 */
@Component
@ProcessingGroup(FreezeRequestViewProjector.PROCESSING_GROUP)
class FreezeRequestViewProjector {

    static final String PROCESSING_GROUP = "freeze-request-view";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FreezeRequestViewProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM freeze_request_amount").update();
        jdbc.sql("DELETE FROM freeze_request_view").update();
    }

    @EventHandler
    void on(FreezeRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        project(event.requestId(), event, version, at, actor);
    }

    @EventHandler
    void on(FreezeRequestAcknowledgedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        project(event.requestId(), event, version, at, null);
    }

    @EventHandler
    void on(FreezeGrantedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        project(event.requestId(), event, version, at, null);
    }

    @EventHandler
    void on(FreezeRequestRejectedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        project(event.requestId(), event, version, at, null);
    }

    @EventHandler
    void on(FreezeExtendedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        project(event.requestId(), event, version, at, null);
    }

    @EventHandler
    void on(FreezeExpiryReminderIssuedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        project(event.requestId(), event, version, at, null);
    }

    @EventHandler
    void on(FreezeReleasedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        project(event.requestId(), event, version, at, null);
    }

    @EventHandler
    void on(FreezeExpiredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        project(event.requestId(), event, version, at, null);
    }

    @EventHandler
    void on(FreezeRequestLinkedToCaseEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        project(event.requestId(), event, version, at, null);
    }

    private void project(String requestId, Object event, long version, Instant at, String actor) {
        FreezeRequestView current = jdbc.sql("SELECT document FROM freeze_request_view WHERE request_id = :id")
                .param("id", requestId).query(String.class).optional().map(this::read).orElse(null);
        if (current != null && current.version() >= version) {
            return;
        }
        FreezeRequestView next = FreezeRequestViewFold.apply(current, event, version, ItemEvents.asStored(at), actor);
        if (next == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO freeze_request_view (request_id, requesting_agency, receiving_agency, case_id, status,
                                                         version, requested_at, document)
                        VALUES (:id, :requesting, :receiving, :case, :status, :version, :requested, :document)
                        ON CONFLICT (request_id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version,
                                                               document = EXCLUDED.document""")
                .param("id", next.id()).param("requesting", next.requestingAgency())
                .param("receiving", next.receivingAgency()).param("case", next.caseId()).param("status", next.status())
                .param("version", next.version()).param("requested", next.requestedAt().atOffset(ZoneOffset.UTC))
                .param("document", write(next))
                .update();
        jdbc.sql("DELETE FROM freeze_request_amount WHERE request_id = :id").param("id", next.id()).update();
        for (FreezeRequestView.Target target : next.targets()) {
            jdbc.sql("""
                            INSERT INTO freeze_request_amount (request_id, target_index, requesting_agency, receiving_agency,
                                                               requesting_country, receiving_country, case_id, currency,
                                                               sought, frozen, released)
                            VALUES (:id, :index, :requesting, :receiving, :fromCountry, :toCountry, :case, :currency,
                                    :sought, :frozen, :released)""")
                    .param("id", next.id()).param("index", target.index())
                    .param("requesting", next.requestingAgency()).param("receiving", next.receivingAgency())
                    .param("fromCountry", next.requestingCountry()).param("toCountry", next.receivingCountry())
                    .param("case", next.caseId()).param("currency", target.currency())
                    .param("sought", target.amountSought()).param("frozen", target.amountFrozen())
                    .param("released", target.amountReleased())
                    .update();
        }
    }

    private FreezeRequestView read(String document) {
        try {
            return json.readValue(document, FreezeRequestView.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(FreezeRequestView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
