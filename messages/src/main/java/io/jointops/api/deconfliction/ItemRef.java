package io.jointops.api.deconfliction;

import io.jointops.api.shared.NonPersonal;

/**
 * An item of one of the platform's contexts.
 *
 * @param context  the service that holds it: {@code cases}, {@code intel}, {@code finance} or {@code chemicals}
 * @param itemType its aggregate's type, as the event store and the partner feed name it, e.g. {@code Shipment},
 *                 {@code SuspiciousTransactionReport}, {@code IntelReport}
 * @param itemId   its id in that context
 */
@NonPersonal
public record ItemRef(String context, String itemType, String itemId) {
}
