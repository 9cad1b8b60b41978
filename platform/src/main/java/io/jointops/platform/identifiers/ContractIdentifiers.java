package io.jointops.platform.identifiers;

import io.jointops.api.shared.Identifies;
import io.jointops.identifiers.Identifier;
import io.jointops.identifiers.IdentifierKind;
import io.jointops.identifiers.Identifiers;
import io.jointops.identifiers.InvalidIdentifierException;

/**
 * The contracts' kinds of identifier ({@link Identifies.Kind}) as the identifiers module's: the same names, so the
 * mapping is by name, and {@code ContractIdentifiersTest} fails for a kind the module cannot normalise. Pure. The one
 * way every service reads a contract's kind (watchlists, deconfliction, case subjects, the data subjects of personal
 * fields).
 */
public final class ContractIdentifiers {

    private ContractIdentifiers() {
    }

    public static IdentifierKind kind(Identifies.Kind kind) {
        return IdentifierKind.valueOf(kind.name());
    }

    /**
     * The identifier {@code value} names as a {@code kind}.
     *
     * @param country for a phone number written without its country code, the country it is dialled in; may be null
     * @throws InvalidIdentifierException with a sentence for the person who wrote it, naming the value or the country
     */
    public static Identifier of(Identifies.Kind kind, String value, String country) {
        return Identifiers.of(kind(kind), value, country);
    }
}
