package io.jointops.finance.query.freezeview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.FoldedView;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Keeps {@code freeze_request_view} and {@code freeze_request_amount}: each freeze request event is folded into the
 * stored record with {@link FreezeRequestViewFold#apply}, the function {@code ?asOf=} uses, and the record is written
 * back; a replayed event is skipped.
 */
@Component
@ProcessingGroup(FreezeRequestViewProjector.PROCESSING_GROUP)
class FreezeRequestViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "freeze-request-view";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final FreezeRequests views;

    FreezeRequestViewProjector(JdbcClient jdbc, ObjectMapper json, FreezeRequests views) {
        this.jdbc = jdbc;
        this.json = json;
        this.views = views;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return FreezeRequestViewFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE freeze_request_amount, freeze_request_view").update();
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!FreezeRequestViewFold.handles(payload)) {
            return;
        }
        FreezeRequestView current = views.read(message.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= message.getSequenceNumber()) {
            return;
        }
        FreezeRequestView next = FreezeRequestViewFold.apply(current, payload, message.getSequenceNumber(),
                ItemEvents.asStored(message.getTimestamp()), AuditMetadata.actor(message.getMetaData()));
        if (next != null) {
            write(next);
        }
    }

    /** The record as JSON, with the columns lists filter on and its amounts per target for the totals. */
    private void write(FreezeRequestView next) {
        jdbc.sql("""
                        INSERT INTO freeze_request_view (request_id, requesting_agency, receiving_agency, case_id, status,
                                                         version, requested_at, document)
                        VALUES (:id, :requesting, :receiving, :case, :status, :version, :requested, :document)
                        ON CONFLICT (request_id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version,
                                                               document = EXCLUDED.document""")
                .param("id", next.id()).param("requesting", next.requestingAgency())
                .param("receiving", next.receivingAgency()).param("case", next.caseId()).param("status", next.status())
                .param("version", next.version()).param("requested", next.requestedAt().atOffset(ZoneOffset.UTC))
                .param("document", document(next))
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

    private String document(FreezeRequestView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
