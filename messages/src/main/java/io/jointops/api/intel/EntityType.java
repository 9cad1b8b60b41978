package io.jointops.api.intel;

/** Kinds of entity an intelligence report can name; each has its own normal form (see {@link IntelEntity}). */
public enum EntityType {
    PERSON,
    ORGANISATION,
    LOCATION,
    VEHICLE,
    VESSEL,
    PHONE_NUMBER,
    EMAIL_ADDRESS,
    ONLINE_ACCOUNT,
    URL,
    CRYPTO_WALLET
}
