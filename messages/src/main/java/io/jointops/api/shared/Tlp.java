package io.jointops.api.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Traffic Light Protocol 2.0 label (FIRST), written as on the wire: {@code TLP:AMBER+STRICT}. */
public enum Tlp {
    RED("TLP:RED"),
    AMBER_STRICT("TLP:AMBER+STRICT"),
    AMBER("TLP:AMBER"),
    GREEN("TLP:GREEN"),
    CLEAR("TLP:CLEAR");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Tlp fromLabel(String label) {
        return Arrays.stream(values())
                .filter(tlp -> tlp.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown TLP label '" + label + "', expected one of TLP:RED, TLP:AMBER+STRICT, TLP:AMBER, TLP:GREEN, TLP:CLEAR"));
    }

    @Override
    public String toString() {
        return label;
    }
}
