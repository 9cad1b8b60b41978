package io.jointops.intel.command;

import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelEntity;
import io.jointops.identifiers.Identifier;
import io.jointops.identifiers.IdentifierKind;
import io.jointops.identifiers.Identifiers;
import io.jointops.identifiers.InvalidIdentifierException;
import io.jointops.identifiers.MatchKey;
import io.jointops.identifiers.MatchRule;

import java.util.List;

/**
 * Intel's entity types as the platform's identifiers ({@link Identifiers}): the one way a report's entities, the
 * entity search and the entity index are normalised. Pure.
 */
public final class EntityIdentifiers {

    private EntityIdentifiers() {
    }

    public static IdentifierKind kind(EntityType type) {
        return switch (type) {
            case PERSON -> IdentifierKind.PERSON_NAME;
            case ORGANISATION -> IdentifierKind.ORGANISATION_NAME;
            case LOCATION -> IdentifierKind.LOCATION_NAME;
            case VEHICLE -> IdentifierKind.VEHICLE;
            case VESSEL -> IdentifierKind.VESSEL;
            case PHONE_NUMBER -> IdentifierKind.PHONE_NUMBER;
            case EMAIL_ADDRESS -> IdentifierKind.EMAIL_ADDRESS;
            case ONLINE_ACCOUNT -> IdentifierKind.ONLINE_ACCOUNT;
            case URL -> IdentifierKind.URL;
            case CRYPTO_WALLET -> IdentifierKind.CRYPTO_WALLET;
        };
    }

    /**
     * The identifier {@code value} names as an entity of {@code type}.
     *
     * @param country for a phone number written without its country code, the country it is dialled in; may be null
     * @throws InvalidIdentifierException with a sentence for the analyst, naming the value or the country
     */
    public static Identifier of(EntityType type, String value, String country) {
        return Identifiers.of(kind(type), value, country);
    }

    /**
     * The keys a stored entity is found by. An entity stored under earlier rules that the current ones refuse (a
     * phone number the old pattern took and libphonenumber does not) is still found as written and by the normal
     * form it was stored with, under the rule of its kind's normal form: never an error while indexing.
     */
    public static List<MatchKey> keys(IntelEntity entity) {
        try {
            return of(entity.type(), entity.value(), entity.country()).keys();
        } catch (InvalidIdentifierException e) {
            return entity.normalised() == null
                    ? List.of(new MatchKey(MatchRule.EXACT, entity.value().strip()))
                    : List.of(new MatchKey(MatchRule.EXACT, entity.value().strip()),
                    new MatchKey(normalFormRule(entity.type(), entity.normalised()), entity.normalised()));
        }
    }

    /** The rule by which two entities of {@code type} with the same normal form match. */
    public static MatchRule normalFormRule(EntityType type, String normalised) {
        return switch (type) {
            case PHONE_NUMBER -> MatchRule.E164;
            case VESSEL -> normalised.matches("IMO\\d{7}") ? MatchRule.IMO : MatchRule.CASE_AND_PUNCTUATION;
            default -> MatchRule.CASE_AND_PUNCTUATION;
        };
    }
}
