package io.jointops.chemicals.command;

import io.jointops.api.chemicals.AddNationalControlCommand;
import io.jointops.api.chemicals.NationalControlAddedEvent;
import io.jointops.platform.axon.AggregateCache;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static io.jointops.chemicals.command.Inputs.requireCountry;
import static io.jointops.chemicals.command.Inputs.requireQuantity;
import static io.jointops.chemicals.command.Inputs.requireSubstance;
import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A country's own control of a registry substance (legal reference, threshold quantity), recorded by its agency. */
@Aggregate(cache = AggregateCache.BEAN)
class NationalControl {

    @AggregateIdentifier
    private String controlId;

    NationalControl() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    NationalControl(AddNationalControlCommand command, ControlledPrecursors precursors) {
        requireAgency("addingAgency", command.addingAgency());
        requireCountry("country", command.country());
        if (!PenRules.isOfCountry(command.addingAgency(), command.country())) {
            throw invalid("country", command.addingAgency() + " records national controls of its own country only");
        }
        ControlledPrecursors.Precursor precursor = requireSubstance(command.substanceName(), command.casNumber(), precursors);
        if (command.thresholdQuantity() != null) {
            requireQuantity("thresholdQuantity", command.thresholdQuantity());
            if (command.unit() == null) {
                throw invalid("unit", "must be given with a threshold quantity");
            }
        }
        apply(new NationalControlAddedEvent(command.controlId(), command.addingAgency(), precursor.name(),
                precursor.casNumber(), command.country(), command.legalReference().strip(), command.thresholdQuantity(),
                command.thresholdQuantity() == null ? null : command.unit()));
    }

    @EventSourcingHandler
    void on(NationalControlAddedEvent event) {
        controlId = event.controlId();
    }
}
