package io.jointops.platform.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The data subjects' keys in the shared schema's table {@code eventstore.personal_data_key} (one row per subject and
 * item: key id, subject reference, item, its type and agency, the 32-byte key until it is destroyed, when and by what;
 * the key wrapped by a {@link WrappingKey} in an HSM or KMS where one is configured, and which one),
 * and the subjects' HMAC secret in {@code personal_data_secret}, made by the migration. A key is made in the
 * transaction of the event that first needs it, so a rolled-back event leaves none behind, and is remembered only
 * once that transaction committed; a key of an item being created is stored by the append, in the statement of the
 * item's events (one round trip less for every item created). Two services that make a key of one subject and item
 * at once end with the first one's (a unique index on the live key of a subject and item). Keys are remembered for
 * {@code ttl} (a key destroyed by another process is forgotten at once when its erasure event arrives,
 * {@link #forgetCached}; the time bounds a missed one); lookups of destroyed keys are remembered for good. Every service reads and adds keys; only the erasure workflow's role
 * destroys them, and a trigger refuses any other change of a row.
 */
public final class JdbcSubjectKeys implements SubjectKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String table;
    private final String secretTable;
    private final Cache<UUID, Optional<DataKey>> byId;
    private final Cache<String, DataKey> live;
    /** Null: keys are stored as they are. */
    private final WrappingKey wrapping;
    private volatile byte[] secret;

    public JdbcSubjectKeys(JdbcClient jdbc, String schema, Duration ttl) {
        this(jdbc, schema, ttl, null);
    }

    /** With {@code wrapping} ({@code null}: none), every key made from now on is stored wrapped by it. */
    public JdbcSubjectKeys(JdbcClient jdbc, String schema, Duration ttl, WrappingKey wrapping) {
        this.jdbc = jdbc;
        this.wrapping = wrapping;
        this.table = table(schema);
        this.secretTable = schema + ".personal_data_secret";
        this.byId = Caffeine.newBuilder().executor(Runnable::run).maximumSize(200_000).expireAfterWrite(ttl).build();
        this.live = Caffeine.newBuilder().executor(Runnable::run).maximumSize(200_000).expireAfterWrite(ttl).build();
    }

    @Override
    public DataKey keyFor(String subjectRef, ItemRef item) {
        String slot = subjectRef + "\n" + item.itemId();
        DataKey known = live.getIfPresent(slot);
        if (known != null) {
            return known;
        }
        Made made = made();
        if (made != null && made.keys.containsKey(slot)) {
            return made.keys.get(slot);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        UUID id = UUID.randomUUID();
        byte[] data = wrapping == null ? raw : wrapping.wrap(id, raw);
        String wrappedBy = wrapping == null ? null : wrapping.name();
        DataKey key;
        if (item.created() && made != null) {
            // no key of an item being created can be stored: the append stores this one with its events
            key = new DataKey(id, aes(raw));
            made.unstored.add(new Unstored(id, subjectRef, item, data, wrappedBy));
        } else {
            // one round trip for a new key; a key another transaction made first is read after
            key = jdbc.sql("INSERT INTO " + table + " (key_id, subject_ref, item_id, item_type, agency, data_key,"
                            + " wrapped_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (subject_ref, item_id) WHERE data_key IS NOT NULL DO NOTHING"
                            + " RETURNING key_id")
                    .params(id, subjectRef, item.itemId(), item.itemType(), item.agency(), data, wrappedBy)
                    .query((rs, n) -> new DataKey(id, aes(raw)))
                    .optional()
                    .orElseGet(() -> jdbc.sql("SELECT key_id, data_key, wrapped_by FROM " + table
                                    + " WHERE subject_ref = ? AND item_id = ? AND data_key IS NOT NULL")
                            .params(subjectRef, item.itemId())
                            .query((rs, n) -> stored(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3)))
                            .single());
        }
        if (made != null) {
            made.keys.put(slot, key);
        } else {
            remember(slot, key);
        }
        return key;
    }

    @Override
    public List<Unstored> takeUnstored() {
        Made made = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Made) TransactionSynchronizationManager.getResource(this) : null; // none made: nothing to bind
        if (made == null || made.unstored.isEmpty()) {
            return List.of();
        }
        List<Unstored> taken = List.copyOf(made.unstored);
        made.unstored.clear();
        return taken;
    }

    /** The table of the keys in {@code schema}, for a statement that stores {@link Unstored} keys. */
    public static String table(String schema) {
        return schema + ".personal_data_key";
    }

    @Override
    public Optional<DataKey> find(UUID id) {
        Optional<DataKey> known = byId.getIfPresent(id);
        if (known != null) {
            return known;
        }
        Optional<Optional<DataKey>> row = jdbc.sql("SELECT data_key, wrapped_by FROM " + table + " WHERE key_id = ?")
                .param(id)
                .query((rs, n) -> rs.getBytes(1) == null ? Optional.<DataKey>empty()
                        : Optional.of(stored(id, rs.getBytes(1), rs.getString(2))))
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

    /** The keys this transaction made, remembered once it commits, and those not stored yet. */
    private record Made(Map<String, DataKey> keys, List<Unstored> unstored) {
    }

    /** What this transaction made; null outside a transaction. */
    private Made made() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Made) bound;
        }
        Made made = new Made(new HashMap<>(), new ArrayList<>());
        TransactionSynchronizationManager.bindResource(this, made);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!made.unstored().isEmpty()) {
                    throw new IllegalStateException("personal data keys " + made.unstored().stream()
                            .map(k -> k.id().toString()).toList() + " were made for items being created but not"
                            + " stored with their events: the transaction is rolled back");
                }
            }

            @Override
            public void afterCommit() {
                made.keys().forEach(JdbcSubjectKeys.this::remember);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(JdbcSubjectKeys.this);
            }
        });
        return made;
    }

    /** A key as its row holds it: as it is, or wrapped by the key its row names. */
    private DataKey stored(UUID id, byte[] data, String wrappedBy) {
        if (wrappedBy == null) {
            return new DataKey(id, aes(data));
        }
        if (wrapping == null || !wrapping.name().equals(wrappedBy)) {
            throw new IllegalStateException("the personal data key " + id + " is wrapped by " + wrappedBy + ", which"
                    + " this service is not given (jointops.privacy.wrapping-key.*, docs/privacy.md)");
        }
        return new DataKey(id, aes(wrapping.unwrap(id, data)));
    }

    private static SecretKeySpec aes(byte[] raw) {
        return new SecretKeySpec(raw, "AES");
    }

    private static String[] texts(Collection<String> values) {
        return values.toArray(String[]::new);
    }
}
