package io.jointops.intel.command;

import io.jointops.api.intel.EntityType;
import io.jointops.identifiers.InvalidIdentifierException;
import io.jointops.api.evidence.AddEvidenceFileCommand;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.intel.RecordTakedownResponseCommand;
import io.jointops.api.intel.ReportTakedownReappearanceCommand;
import io.jointops.api.intel.RequestTakedownCommand;
import io.jointops.api.intel.TakedownAcknowledgedEvent;
import io.jointops.api.intel.TakedownContentReappearedEvent;
import io.jointops.api.intel.TakedownContentRemovedEvent;
import io.jointops.api.intel.TakedownRejectedEvent;
import io.jointops.api.intel.TakedownRequestedEvent;
import io.jointops.api.intel.TakedownStatus;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.command.EvidenceFiles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A request to an online platform to take illegal drug content down, and what the platform did with it:
 * requested → acknowledged → removed | rejected; removed content that reappears reopens the request. Each step
 * carries the time the platform acted, so response times are measured from the events. Seen by the requesting
 * agency (and auditors) only.
 */
@Aggregate(cache = AggregateCache.BEAN)
class TakedownRequest {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** The aggregate's type, as stored; its evidence command's name ({@link AddEvidenceFileCommand#nameFor}). */
    static final String TYPE = "TakedownRequest";
    static final String ADD_EVIDENCE = AddEvidenceFileCommand.NAME + "@" + TYPE;

    @AggregateIdentifier
    private String takedownId;
    private String requestingAgency;
    private TakedownStatus status;
    private String url;
    /** when the current round began: the request, or the last reappearance */
    private Instant openedAt;
    private final EvidenceFiles evidence = new EvidenceFiles(TYPE);

    TakedownRequest() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    TakedownRequest(RequestTakedownCommand command) {
        String normalisedUrl = url("url", command.url());
        String sha = command.evidenceSha256().strip().toLowerCase();
        if (!SHA256.matcher(sha).matches()) {
            throw invalid("evidenceSha256", "must be the SHA-256 of the evidence snapshot, 64 hex digits");
        }
        requireAgency("requestingAgency", command.requestingAgency());
        if (command.evidenceCapturedAt().isAfter(command.requestedAt())) {
            throw invalid("evidenceCapturedAt", "must not be after the request");
        }
        apply(new TakedownRequestedEvent(command.takedownId(), command.platform().strip(), normalisedUrl,
                command.contentType(), command.offence().strip(), sha, command.evidenceCapturedAt(),
                command.legalBasis().strip(), command.requestingAgency(), command.requestedAt()));
    }

    @CommandHandler
    void handle(RecordTakedownResponseCommand command) {
        requireRequester(command.agency());
        requireTime(command.occurredAt());
        switch (command.response()) {
            case ACKNOWLEDGED -> {
                requireStatus("acknowledged", TakedownStatus.REQUESTED);
                apply(new TakedownAcknowledgedEvent(takedownId, command.occurredAt()));
            }
            case REMOVED -> {
                requireStatus("removed", TakedownStatus.REQUESTED, TakedownStatus.ACKNOWLEDGED);
                apply(new TakedownContentRemovedEvent(takedownId, command.occurredAt()));
            }
            case REJECTED -> {
                requireStatus("rejected", TakedownStatus.REQUESTED, TakedownStatus.ACKNOWLEDGED);
                if (command.reason() == null || command.reason().isBlank()) {
                    throw invalid("reason", "must not be blank when the platform rejected the request");
                }
                apply(new TakedownRejectedEvent(takedownId, command.reason().strip(), command.occurredAt()));
            }
            default -> throw invalid("response", "must be ACKNOWLEDGED, REMOVED or REJECTED");
        }
    }

    @CommandHandler
    void handle(ReportTakedownReappearanceCommand command) {
        requireRequester(command.agency());
        requireStatus("reported as reappeared", TakedownStatus.REMOVED);
        requireTime(command.occurredAt());
        String newUrl = command.url() == null || command.url().isBlank() ? url : url("url", command.url());
        apply(new TakedownContentReappearedEvent(takedownId, newUrl, command.occurredAt()));
    }

    @EventSourcingHandler
    void on(TakedownRequestedEvent event) {
        takedownId = event.takedownId();
        requestingAgency = event.requestingAgency();
        url = event.url();
        openedAt = event.requestedAt();
        status = TakedownStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(TakedownAcknowledgedEvent event) {
        status = TakedownStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(TakedownContentRemovedEvent event) {
        status = TakedownStatus.REMOVED;
    }

    @EventSourcingHandler
    void on(TakedownRejectedEvent event) {
        status = TakedownStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(TakedownContentReappearedEvent event) {
        status = TakedownStatus.REQUESTED;
        url = event.url();
        openedAt = event.seenAt();
    }

    private static String url(String field, String value) {
        try {
            return EntityIdentifiers.of(EntityType.URL, value, null).canonical();
        } catch (InvalidIdentifierException e) {
            throw invalid(field, e.getMessage());
        }
    }

    /** A file of the takedown (the captured offer, the platform's answer), from the requesting agency, its only reader. */
    @CommandHandler(commandName = ADD_EVIDENCE)
    void handle(AddEvidenceFileCommand command) {
        requireRequester(command.actor() == null ? null : command.actor().agency());
        evidence.add(takedownId, command, List.of(requestingAgency)).forEach(AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(EvidenceFileAddedEvent event) {
        evidence.on(event);
    }

    @EventSourcingHandler
    void on(EvidenceFileSupersededEvent event) {
        evidence.on(event);
    }

    private void requireRequester(String agency) {
        if (!requestingAgency.equals(agency)) {
            // a takedown is the requesting agency's own business: to anyone else it does not exist
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No item with id '" + takedownId + "' is visible to you.");
        }
    }

    private void requireTime(Instant at) {
        if (at.isBefore(openedAt)) {
            throw invalid("occurredAt", "must not be before " + openedAt + ", when the request was (re)opened");
        }
    }

    private void requireStatus(String what, TakedownStatus... allowed) {
        for (TakedownStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new CommandRejectedException(Reason.CONFLICT, null, "The takedown request is " + status + ": it cannot be " + what + " now.");
    }
}
