package io.jointops.cases.command;

import java.util.Optional;
import java.util.Set;

/**
 * What the event store holds of one event of an item, for a rectification order: who wrote it and which data subjects
 * its personal fields are stored under (their references), so the order can tell a correction from the value it
 * corrects. Read outside the aggregate, which takes it as a handler parameter.
 */
public interface StoredEvents {

    /** Event {@code sequence} of item {@code itemId}, if the event store holds it. */
    Optional<StoredEvent> find(String itemId, long sequence);

    /**
     * @param agency      the agency whose officer wrote it (its metadata), or null
     * @param subjectRefs the subjects its personal fields are stored under
     */
    record StoredEvent(String agency, Set<String> subjectRefs) {
    }
}
