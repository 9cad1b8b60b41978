package io.jointops.api.cases;

/** A reference to a shared item of another service, attached to a cooperation request or an answer. */
public record SharedItemRef(LinkedItemType itemType, String itemId) {
}
