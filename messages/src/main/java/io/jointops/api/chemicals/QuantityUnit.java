package io.jointops.api.chemicals;

/** How a precursor's quantity is measured: solids by mass, liquids by volume. */
public enum QuantityUnit {
    KG,
    L
}
