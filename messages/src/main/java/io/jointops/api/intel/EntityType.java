package io.jointops.api.intel;

import io.jointops.api.shared.Identifies;

/**
 * Kinds of entity an intelligence report can name; each has its own normal form (see {@link IntelEntity}), that of
 * the kind of identifier it is.
 */
public enum EntityType implements Identifies.KindSource {
    PERSON(Identifies.Kind.PERSON_NAME),
    ORGANISATION(Identifies.Kind.ORGANISATION_NAME),
    LOCATION(Identifies.Kind.LOCATION_NAME),
    VEHICLE(Identifies.Kind.VEHICLE),
    VESSEL(Identifies.Kind.VESSEL),
    PHONE_NUMBER(Identifies.Kind.PHONE_NUMBER),
    EMAIL_ADDRESS(Identifies.Kind.EMAIL_ADDRESS),
    ONLINE_ACCOUNT(Identifies.Kind.ONLINE_ACCOUNT),
    URL(Identifies.Kind.URL),
    CRYPTO_WALLET(Identifies.Kind.CRYPTO_WALLET);

    private final Identifies.Kind identifierKind;

    EntityType(Identifies.Kind identifierKind) {
        this.identifierKind = identifierKind;
    }

    @Override
    public Identifies.Kind identifierKind() {
        return identifierKind;
    }
}
