package io.jointops.finance.command;

import io.jointops.api.finance.AssetIdentifiedEvent;
import io.jointops.api.finance.RecordIdentifiedAssetCommand;
import io.jointops.platform.axon.AggregateCache;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.Set;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An asset identified for a case (INTERPOL Silver Notice categories), with its estimated value. */
@Aggregate(cache = AggregateCache.BEAN)
class IdentifiedAsset {

    @AggregateIdentifier
    private String assetId;

    IdentifiedAsset() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    IdentifiedAsset(RecordIdentifiedAssetCommand command) {
        String country = FinanceCodes.countryFault(command.country());
        if (country != null) {
            throw invalid("country", country);
        }
        if (command.estimatedValue() == null || command.estimatedValue().signum() < 0
                || command.estimatedValue().compareTo(TransactionChecks.MAX_AMOUNT) > 0
                || command.estimatedValue().scale() > 4) {
            throw invalid("estimatedValue", "must be zero or positive, below 10^15, with at most 4 decimals");
        }
        String currency = FinanceCodes.currencyFault(command.currency());
        if (currency != null) {
            throw invalid("currency", currency);
        }
        requireAgency("ownerAgency", command.ownerAgency());
        Set<String> released = command.releasedTo() == null ? Set.of() : command.releasedTo();
        for (String agency : released) {
            requireAgency("releasedTo", agency);
            if (agency.equals(command.ownerAgency())) {
                throw invalid("releasedTo", "must not contain the owner agency " + agency);
            }
        }
        BigDecimal value = command.estimatedValue();
        apply(new AssetIdentifiedEvent(command.assetId(), command.caseId().strip(), command.category(),
                command.description().strip(), command.identifier().strip(), command.country(), value,
                command.currency(), command.ownerAgency(), released.stream().sorted().toList(), command.tlp(),
                command.handlingCode()));
    }

    @EventSourcingHandler
    void on(AssetIdentifiedEvent event) {
        assetId = event.assetId();
    }
}
