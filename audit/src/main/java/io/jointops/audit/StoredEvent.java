package io.jointops.audit;

/**
 * One row of {@code eventstore.domain_event_entry} as stored: the columns the content hash covers. The global position
 * is not among them: the place of an event in the global order is what its leaf index in the Merkle tree commits to.
 *
 * @param type            the aggregate type, may be null
 * @param payloadRevision may be null
 * @param timeStamp       the stored text (Axon writes ISO-8601), hashed as stored
 * @param metaData        may be null
 */
public record StoredEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                          String payloadType, String payloadRevision, String timeStamp, byte[] payload,
                          byte[] metaData) {
}
