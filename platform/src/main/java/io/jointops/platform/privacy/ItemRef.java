package io.jointops.platform.privacy;

/**
 * The item an event belongs to, for the keys of its personal fields: each key is one data subject's in one item, so
 * an item's retention and a subject's erasure each destroy exactly theirs.
 *
 * @param itemId   the aggregate identifier
 * @param itemType Axon's aggregate type ({@code JointCase}, ...); null for an event published without aggregate
 * @param agency   the agency of the event that created the key (its audit metadata), null if none
 */
public record ItemRef(String itemId, String itemType, String agency) {
}
