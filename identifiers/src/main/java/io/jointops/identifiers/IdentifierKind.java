package io.jointops.identifiers;

/**
 * What an identifier names. Each kind has its canonical form and match keys ({@link Identifiers}); identifiers of
 * two kinds are compared only within one {@link #family()} (an IBAN given as a bank account number is still an IBAN).
 */
public enum IdentifierKind {
    PERSON_NAME(Family.PERSON),
    ORGANISATION_NAME(Family.ORGANISATION),
    LOCATION_NAME(Family.LOCATION),
    PHONE_NUMBER(Family.PHONE),
    EMAIL_ADDRESS(Family.EMAIL),
    URL(Family.URL),
    ONLINE_ACCOUNT(Family.ONLINE_ACCOUNT),
    IBAN(Family.ACCOUNT),
    BANK_ACCOUNT(Family.ACCOUNT),
    CRYPTO_WALLET(Family.WALLET),
    VESSEL(Family.VESSEL),
    FLIGHT_NUMBER(Family.FLIGHT),
    VEHICLE(Family.VEHICLE),
    CAS_NUMBER(Family.SUBSTANCE);

    /** Kinds whose identifiers can name the same thing. */
    public enum Family {
        PERSON, ORGANISATION, LOCATION, PHONE, EMAIL, URL, ONLINE_ACCOUNT, ACCOUNT, WALLET, VESSEL, FLIGHT, VEHICLE,
        SUBSTANCE
    }

    private final Family family;

    IdentifierKind(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }
}
