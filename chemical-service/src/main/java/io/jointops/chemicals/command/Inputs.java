package io.jointops.chemicals.command;

import io.jointops.identifiers.Countries;
import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.Party;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;

/**
 * Checks of the inputs the precursor aggregates share that their commands' constraints cannot state: parties'
 * countries, quantities, countries, substances.
 */
final class Inputs {

    static final int MAX_INTEGER_DIGITS = 12;
    static final int MAX_FRACTION_DIGITS = 3;

    private Inputs() {
    }

    static void requireQuantity(String field, BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            throw invalid(field, "must be more than 0");
        }
        BigDecimal plain = quantity.stripTrailingZeros();
        if (plain.scale() > MAX_FRACTION_DIGITS || plain.precision() - plain.scale() > MAX_INTEGER_DIGITS) {
            throw invalid(field, "must have at most " + MAX_INTEGER_DIGITS + " digits before and "
                    + MAX_FRACTION_DIGITS + " after the decimal point");
        }
    }

    static void requireQuantity(BigDecimal quantity) {
        requireQuantity("quantity", quantity);
    }

    static void requireCountry(String field, String country) {
        String fault = Countries.fault(country);
        if (fault != null) {
            throw invalid(field, fault);
        }
    }

    static void requireAgencies(String field, Collection<String> agencies) {
        if (agencies != null) {
            agencies.forEach(agency -> requireAgency(field, agency));
        }
    }

    /** A party's country (its name and address are the command's constraints). */
    static void requireParty(String field, Party party) {
        requireCountry(field + ".address.country", party.address().country());
    }

    /**
     * The registry substance a shipment, incident or national control names (the CAS RN optional, its check digit
     * checked when given); refused naming the field at fault.
     */
    static ControlledPrecursors.Precursor requireSubstance(String name, String casNumber, ControlledPrecursors precursors) {
        String cas = blankToNull(casNumber);
        if (cas != null && !CasNumber.isValid(cas)) {
            throw invalid("casNumber", "'" + cas + "' is not a CAS registry number with a valid check digit");
        }
        Optional<ControlledPrecursors.Precursor> precursor = precursors.identify(name.strip(), cas);
        if (precursor.isEmpty()) {
            throw cas == null
                    ? invalid("substanceName", "'" + name.strip() + "' names no controlled precursor of Table I or II; give its CAS RN or a registry name")
                    : invalid("casNumber", "CAS RN " + cas + " and the name '" + name.strip()
                    + "' do not identify one controlled precursor of Table I or II");
        }
        return precursor.get();
    }

    static Party stripped(Party party) {
        Address address = party.address();
        return new Party(party.name().strip(), new Address(address.street().strip(), address.city().strip(),
                blankToNull(address.postalCode()), address.country()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
