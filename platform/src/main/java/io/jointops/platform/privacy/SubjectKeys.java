package io.jointops.platform.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the data subjects' keys are kept. The platform's implementation is a table of the shared schema
 * ({@link JdbcSubjectKeys}, {@code eventstore.personal_data_key}), each key wrapped by a key in an HSM or KMS where
 * one is configured ({@link WrappingKey}).
 * Every service reads every key (it decrypts the events of other contexts it handles); only the erasure workflow
 * destroys them.
 */
public interface SubjectKeys {

    /**
     * The live key of {@code subjectRef} in {@code item}, made on first use. A key made in a transaction for an item
     * {@linkplain ItemRef#created being created} is not stored at once: the append takes it ({@link #takeUnstored})
     * and stores it with the events.
     */
    DataKey keyFor(String subjectRef, ItemRef item);

    /**
     * The keys this transaction made that are not stored yet; whoever takes them stores them in this transaction (a
     * transaction that would commit with one left over fails instead: its events would be encrypted with a key that
     * is nowhere).
     */
    default List<Unstored> takeUnstored() {
        return List.of();
    }

    /** A key made, as its row will hold it: {@code data} wrapped by {@code wrappedBy}, or as it is if that is null. */
    record Unstored(UUID id, String subjectRef, ItemRef item, byte[] data, String wrappedBy) {
    }

    /** The key {@code id} names; empty once it was destroyed (its fields read as erased). */
    Optional<DataKey> find(UUID id);

    /**
     * Destroys the live keys of {@code subjectRefs} in {@code itemIds} (every item where empty), recording
     * {@code by} (the erasure order or retention rule); answers the item of each key destroyed. A destroyed key is
     * gone for good: a later event of the subject in the item gets a new key.
     */
    List<String> destroy(Collection<String> subjectRefs, Collection<String> itemIds, String by);

    /** Destroys every live key of {@code itemId} but those of {@code keptSubjectRefs}. */
    int destroyItem(String itemId, Collection<String> keptSubjectRefs, String by);

    /** The secret that data subjects' references are keyed with ({@link Subjects}): never leaves the key store. */
    byte[] subjectSecret();

    /** Forgets what this process remembers of keys, after another process destroyed some. */
    void forgetCached();
}
