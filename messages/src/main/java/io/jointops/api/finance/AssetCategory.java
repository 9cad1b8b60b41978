package io.jointops.api.finance;

/** The asset categories of INTERPOL's Silver Notice. */
public enum AssetCategory {
    BANK_ACCOUNT, PROPERTY, VEHICLE, BUSINESS, CRYPTO_ASSET
}
