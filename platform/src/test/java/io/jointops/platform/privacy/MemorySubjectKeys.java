package io.jointops.platform.privacy;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Keys in memory, for unit tests: the same contract as the table, without a database. */
public final class MemorySubjectKeys implements SubjectKeys {

    record Row(UUID id, String subjectRef, String itemId, byte[] key) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] secret = new byte[32];
    final Map<UUID, Row> rows = new ConcurrentHashMap<>();
    final Set<UUID> destroyed = ConcurrentHashMap.newKeySet();

    public MemorySubjectKeys() {
        RANDOM.nextBytes(secret);
    }

    @Override
    public synchronized DataKey keyFor(String subjectRef, ItemRef item) {
        for (Row row : rows.values()) {
            if (row.subjectRef.equals(subjectRef) && row.itemId.equals(item.itemId()) && !destroyed.contains(row.id)) {
                return new DataKey(row.id, new SecretKeySpec(row.key, "AES"));
            }
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Row row = new Row(UUID.randomUUID(), subjectRef, item.itemId(), key);
        rows.put(row.id, row);
        return new DataKey(row.id, new SecretKeySpec(key, "AES"));
    }

    @Override
    public Optional<DataKey> find(UUID id) {
        Row row = rows.get(id);
        return row == null || destroyed.contains(id) ? Optional.empty()
                : Optional.of(new DataKey(id, new SecretKeySpec(row.key, "AES")));
    }

    @Override
    public synchronized List<String> destroy(Collection<String> subjectRefs, Collection<String> itemIds, String by) {
        List<String> items = new java.util.ArrayList<>();
        for (Row row : rows.values()) {
            if (subjectRefs.contains(row.subjectRef) && (itemIds.isEmpty() || itemIds.contains(row.itemId))
                    && destroyed.add(row.id)) {
                items.add(row.itemId);
            }
        }
        return items;
    }

    @Override
    public synchronized int destroyItem(String itemId, Collection<String> keptSubjectRefs, String by) {
        int count = 0;
        for (Row row : rows.values()) {
            if (row.itemId.equals(itemId) && !keptSubjectRefs.contains(row.subjectRef) && destroyed.add(row.id)) {
                count++;
            }
        }
        return count;
    }

    /** How many keys were destroyed. */
    public int destroyedCount() {
        return destroyed.size();
    }

    @Override
    public byte[] subjectSecret() {
        return secret.clone();
    }

    @Override
    public void forgetCached() {
    }
}
