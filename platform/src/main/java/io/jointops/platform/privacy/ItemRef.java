package io.jointops.platform.privacy;

/**
 * The item an event belongs to, for the keys of its personal fields: each key is one data subject's in one item, so
 * an item's retention and a subject's erasure each destroy exactly theirs.
 *
 * @param itemId   the aggregate identifier
 * @param itemType Axon's aggregate type ({@code JointCase}, ...); null for an event published without aggregate
 * @param agency   the agency of the event that created the key (its audit metadata), null if none
 * @param created  the item's first event is in the append being written: no key of the item can be stored yet, so
 *                 a key it needs is stored with the events, in their statement ({@link SubjectKeys#takeUnstored})
 */
public record ItemRef(String itemId, String itemType, String agency, boolean created) {

    /** An item that may have keys stored already. */
    public ItemRef(String itemId, String itemType, String agency) {
        this(itemId, itemType, agency, false);
    }
}
