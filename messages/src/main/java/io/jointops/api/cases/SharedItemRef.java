package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;

/** A reference to a shared item of another service, attached to a cooperation request or an answer. */
@NonPersonal
public record SharedItemRef(LinkedItemType itemType, String itemId) {
}
