package io.jointops.platform.evidence;

import io.jointops.platform.history.EventHistory;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Versioned;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;

/**
 * The evidence files of a service's items: what a controller needs to serve them
 * ({@link #responses(String, String, ItemResponses)}, one per kind of item) and what hands an item's evidence on
 * ({@link #ledger()}). One bean per service, on when {@code jointops.evidence.item-types} names its items.
 */
public class Evidence {

    final CommandGateway commands;
    final EventGateway events;
    final EvidenceStore store;
    final EvidenceLedger ledger;
    final EvidenceProperties properties;
    final Counter integrityFailures;

    Evidence(CommandGateway commands, EventGateway events, EvidenceStore store, EvidenceLedger ledger,
             EvidenceProperties properties, MeterRegistry meters) {
        this.commands = commands;
        this.events = events;
        this.store = store;
        this.ledger = ledger;
        this.properties = properties;
        this.integrityFailures = Counter.builder("jointops.evidence.integrity.failures")
                .description("downloads refused because stored evidence bytes no longer match their logged hash")
                .register(meters);
    }

    /**
     * The evidence answers for one kind of item.
     *
     * @param noun     what the item is called in a problem's detail, e.g. {@code case}
     * @param itemType the item's aggregate type, e.g. {@code JointCase}: its aggregate handles
     *                 {@code AddEvidenceFileCommand} under {@code AddEvidenceFileCommand.nameFor(itemType)}
     * @param views    the item's view: whoever may see the item may see its files, nobody else
     * @param history  the event store's history of items
     */
    public <V extends Versioned> EvidenceResponses<V> responses(String noun, String itemType, ItemViews<V> views,
                                                                EventHistory history) {
        if (!properties.itemTypes().contains(itemType)) {
            throw new IllegalStateException(itemType + " is not in jointops.evidence.item-types "
                    + properties.itemTypes() + ": its evidence events would not be projected");
        }
        return new EvidenceResponses<>(this, noun, itemType, views, history);
    }

    /** An item's files and their custody, for a caller already allowed to see the item. */
    public EvidenceLedger ledger() {
        return ledger;
    }
}
