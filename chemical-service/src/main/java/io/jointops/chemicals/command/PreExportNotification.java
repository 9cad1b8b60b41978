package io.jointops.chemicals.command;

import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.FilePreExportNotificationCommand;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static io.jointops.platform.command.CommandChecks.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A pre-export notification (1988 Convention, Art. 12(10)(a)): the exporting country's authority tells the importing
 * country's authority of a planned shipment of a controlled precursor. Released to the importing agency.
 */
@Aggregate
class PreExportNotification {

    static final int MAX_NAME = 200;
    static final int MAX_STREET = 200;
    static final int MAX_CITY = 100;
    static final int MAX_POSTAL_CODE = 20;
    static final int MAX_LICENCE = 64;
    static final int MAX_INTEGER_DIGITS = 12;
    static final int MAX_FRACTION_DIGITS = 3;
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    @AggregateIdentifier
    private String notificationId;

    PreExportNotification() {
        // for Axon: rebuilt from events
    }

    /** @param precursors the registry read at start, injected by Axon */
    @CommandHandler
    PreExportNotification(FilePreExportNotificationCommand command, ControlledPrecursors precursors) {
        requireAgency("exportingAgency", command.exportingAgency());
        requireAgency("importingAgency", command.importingAgency());
        if (command.importingAgency().equals(command.exportingAgency())) {
            throw invalid("importingAgency", "must be another agency than the exporting agency " + command.exportingAgency());
        }
        requireParty("exporter", command.exporter());
        requireParty("importer", command.importer());
        requireParty("consignee", command.consignee());
        requireText("substanceName", command.substanceName(), MAX_NAME);
        requireControlledSubstance(command.substanceName().strip(), command.casNumber(), precursors);
        requireQuantity(command.quantity());
        if (command.unit() == null) {
            throw invalid("unit", "must be given");
        }
        if (command.expectedDispatchDate() == null) {
            throw invalid("expectedDispatchDate", "must be given");
        }
        requireText("pointOfEntry", command.pointOfEntry(), MAX_NAME);
        if (command.exportLicenceNumber() != null && command.exportLicenceNumber().length() > MAX_LICENCE) {
            throw invalid("exportLicenceNumber", "must be at most " + MAX_LICENCE + " characters");
        }
        if (command.tlp() == null) {
            throw invalid("tlp", "must be given");
        }
        if (command.handlingCode() == null) {
            throw invalid("handlingCode", "must be given");
        }
        apply(new PreExportNotificationFiledEvent(command.notificationId(), command.exportingAgency(),
                command.importingAgency(), stripped(command.exporter()), stripped(command.importer()),
                stripped(command.consignee()), command.substanceName().strip(), command.casNumber(),
                command.quantity(), command.unit(), command.expectedDispatchDate(), command.pointOfEntry().strip(),
                blankToNull(command.exportLicenceNumber()), command.tlp(), command.handlingCode()));
    }

    @EventSourcingHandler
    void on(PreExportNotificationFiledEvent event) {
        notificationId = event.notificationId();
    }

    /**
     * The CAS RN decides where the registry has one; a substance the registry knows only by name is matched by name.
     * A name and a number that point at different substances are refused: one of them is wrong.
     */
    private static void requireControlledSubstance(String name, String casNumber, ControlledPrecursors precursors) {
        if (casNumber == null || casNumber.isBlank()) {
            throw invalid("casNumber", "must be given");
        }
        if (!CasNumber.isValid(casNumber)) {
            throw invalid("casNumber", "'" + casNumber + "' is not a CAS registry number with a valid check digit");
        }
        Optional<ControlledPrecursors.Precursor> byCas = precursors.byCasNumber(casNumber);
        Optional<ControlledPrecursors.Precursor> byName = precursors.byName(name);
        if (byCas.isPresent()) {
            if (byName.isPresent() && !byName.get().equals(byCas.get())) {
                throw invalid("substanceName", "names " + byName.get().name() + ", but CAS RN " + casNumber
                        + " is that of " + byCas.get().name());
            }
            return;
        }
        if (byName.isPresent() && byName.get().casNumber() != null) {
            throw invalid("casNumber", casNumber + " is not the CAS RN of " + byName.get().name() + " ("
                    + byName.get().casNumber() + ")");
        }
        if (byName.isEmpty()) {
            throw invalid("casNumber", "neither CAS RN " + casNumber + " nor the name '" + name
                    + "' is a controlled precursor of Table I or II of the 1988 Convention");
        }
    }

    private static void requireQuantity(BigDecimal quantity) {
        if (quantity == null) {
            throw invalid("quantity", "must be given");
        }
        if (quantity.signum() <= 0) {
            throw invalid("quantity", "must be more than 0");
        }
        BigDecimal plain = quantity.stripTrailingZeros();
        if (plain.scale() > MAX_FRACTION_DIGITS || plain.precision() - plain.scale() > MAX_INTEGER_DIGITS) {
            throw invalid("quantity", "must have at most " + MAX_INTEGER_DIGITS + " digits before and "
                    + MAX_FRACTION_DIGITS + " after the decimal point");
        }
    }

    private static void requireParty(String field, Party party) {
        if (party == null) {
            throw invalid(field, "must be given");
        }
        requireText(field + ".name", party.name(), MAX_NAME);
        Address address = party.address();
        if (address == null) {
            throw invalid(field + ".address", "must be given");
        }
        requireText(field + ".address.street", address.street(), MAX_STREET);
        requireText(field + ".address.city", address.city(), MAX_CITY);
        if (address.postalCode() != null && address.postalCode().length() > MAX_POSTAL_CODE) {
            throw invalid(field + ".address.postalCode", "must be at most " + MAX_POSTAL_CODE + " characters");
        }
        if (address.country() == null || !COUNTRY.matcher(address.country()).matches()) {
            throw invalid(field + ".address.country", "must be an ISO 3166-1 alpha-2 country code such as NL");
        }
    }

    private static Party stripped(Party party) {
        Address address = party.address();
        return new Party(party.name().strip(), new Address(address.street().strip(), address.city().strip(),
                blankToNull(address.postalCode()), address.country()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
