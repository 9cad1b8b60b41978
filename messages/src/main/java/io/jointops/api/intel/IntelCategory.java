package io.jointops.api.intel;

public enum IntelCategory {
    TRAFFICKING_ROUTE,
    ORGANISED_CRIME_GROUP,
    SYNTHETIC_DRUG,
    MODUS_OPERANDI,
    ONLINE_MARKETPLACE,
    FINANCIAL_FLOW
}
