package io.jointops.platform.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The data subjects' keys in the shared schema's table {@code eventstore.personal_data_key} (one row per subject and
 * item: key id, subject reference, item, its type and agency, the 32-byte key until it is destroyed, when and by what),
 * and the subjects' HMAC secret in {@code personal_data_secret}, made by the migration. A key is made in the
 * transaction of the event that first needs it, so a rolled-back event leaves none behind, and is remembered only
 * once that transaction committed; two services that make one at once end with the first one's (a unique index on
 * the live key of a subject and item). Keys are remembered for {@code ttl} (a key destroyed by another process is
 * forgotten at once when its erasure event arrives, {@link #forgetCached}; the time bounds a missed one); lookups of
 * destroyed keys are remembered for good. Every service reads and adds keys; only the erasure workflow's role
 * destroys them, and a trigger refuses any other change of a row.
 */
public final class JdbcSubjectKeys implements SubjectKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String table;
    private final String secretTable;
    private final Cache<UUID, Optional<DataKey>> byId;
    private final Cache<String, DataKey> live;
    private volatile byte[] secret;

    public JdbcSubjectKeys(JdbcClient jdbc, String schema, Duration ttl) {
        this.jdbc = jdbc;
        this.table = schema + ".personal_data_key";
        this.secretTable = schema + ".personal_data_secret";
        this.byId = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(ttl).build();
        this.live = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(ttl).build();
    }

    @Override
    public DataKey keyFor(String subjectRef, ItemRef item) {
        String slot = subjectRef + "\n" + item.itemId();
        DataKey known = live.getIfPresent(slot);
        if (known != null) {
            return known;
        }
        Map<String, DataKey> pending = pending();
        if (pending != null && pending.containsKey(slot)) {
            return pending.get(slot);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        // one round trip for a new key; a key another transaction made first is read after
        DataKey key = jdbc.sql("INSERT INTO " + table + " (key_id, subject_ref, item_id, item_type, agency, data_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (subject_ref, item_id) WHERE data_key IS NOT NULL DO NOTHING"
                        + " RETURNING key_id, data_key")
                .params(UUID.randomUUID(), subjectRef, item.itemId(), item.itemType(), item.agency(), raw)
                .query((rs, n) -> new DataKey(rs.getObject(1, UUID.class), aes(rs.getBytes(2))))
                .optional()
                .orElseGet(() -> jdbc.sql("SELECT key_id, data_key FROM " + table
                                + " WHERE subject_ref = ? AND item_id = ? AND data_key IS NOT NULL")
                        .params(subjectRef, item.itemId())
                        .query((rs, n) -> new DataKey(rs.getObject(1, UUID.class), aes(rs.getBytes(2))))
                        .single());
        if (pending != null) {
            pending.put(slot, key);
        } else {
            remember(slot, key);
        }
        return key;
    }

    @Override
    public Optional<DataKey> find(UUID id) {
        Optional<DataKey> known = byId.getIfPresent(id);
        if (known != null) {
            return known;
        }
        Optional<Optional<DataKey>> row = jdbc.sql("SELECT data_key FROM " + table + " WHERE key_id = ?")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getBytes(1)).map(raw -> new DataKey(id, aes(raw))))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty(); // not (yet) visible to this transaction: not remembered
        }
        byId.put(id, row.get());
        return row.get();
    }

    @Override
    public List<String> destroy(Collection<String> subjectRefs, Collection<String> itemIds, String by) {
        List<String> destroyed = jdbc.sql("UPDATE " + table + " SET data_key = NULL, destroyed_at = now(),"
                        + " destroyed_by = ? WHERE data_key IS NOT NULL AND subject_ref = ANY(?)"
                        + " AND (cardinality(?::text[]) = 0 OR item_id = ANY(?)) RETURNING item_id")
                .params(by, texts(subjectRefs), texts(itemIds), texts(itemIds))
                .query(String.class).list();
        forgetCached();
        return destroyed;
    }

    @Override
    public int destroyItem(String itemId, Collection<String> keptSubjectRefs, String by) {
        int destroyed = jdbc.sql("UPDATE " + table + " SET data_key = NULL, destroyed_at = now(), destroyed_by = ?"
                        + " WHERE data_key IS NOT NULL AND item_id = ? AND NOT (subject_ref = ANY(?))")
                .params(by, itemId, texts(keptSubjectRefs))
                .update();
        forgetCached();
        return destroyed;
    }

    @Override
    public byte[] subjectSecret() {
        byte[] known = secret;
        if (known == null) {
            known = jdbc.sql("SELECT secret FROM " + secretTable + " WHERE id = 1").query(byte[].class).single();
            secret = known;
        }
        return known.clone();
    }

    @Override
    public void forgetCached() {
        byId.invalidateAll();
        live.invalidateAll();
    }

    private void remember(String slot, DataKey key) {
        live.put(slot, key);
        byId.put(key.id(), Optional.of(key));
    }

    /** The keys this transaction made, remembered once it commits; null outside a transaction. */
    @SuppressWarnings("unchecked")
    private Map<String, DataKey> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<String, DataKey>) bound;
        }
        Map<String, DataKey> pending = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pending.forEach(JdbcSubjectKeys.this::remember);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(JdbcSubjectKeys.this);
            }
        });
        return pending;
    }

    private static SecretKeySpec aes(byte[] raw) {
        return new SecretKeySpec(raw, "AES");
    }

    private static String[] texts(Collection<String> values) {
        return values.toArray(String[]::new);
    }
}
