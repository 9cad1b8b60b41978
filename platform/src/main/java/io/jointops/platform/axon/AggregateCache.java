package io.jointops.platform.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The aggregates this process handled last, so that a command on a long-lived item (a case with hundreds of links)
 * does not read and decrypt all of its events again: Axon's caching repository ({@code @Aggregate(cache = BEAN)}) on a
 * bounded Caffeine cache.
 * <p>
 * An entry is used only while the store holds no later event of its aggregate (one look-up on the store's unique index
 * of aggregate and sequence): another replica may have handled the item after the command bus's routing moved, and an
 * aggregate one event behind would fail the next command on the append. A command that fails drops its aggregate's
 * entry (Axon's repository). Entries hold personal data in the clear, so an erasure drops them all ({@link #forgetAll},
 * from {@link io.jointops.platform.privacy.ErasureFollower}, as the subject keys are forgotten), and an entry goes
 * {@code maxAge} after its aggregate was read from the store, however busy it is: the replicas that do not handle an
 * erasure's event hold no erased value longer than they hold its key.
 */
public final class AggregateCache implements Cache {

    /** The bean's name, for {@code @Aggregate(cache = AggregateCache.BEAN)}. */
    public static final String BEAN = "aggregateCache";

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final Supplier<EventStore> store;

    public AggregateCache(long maximumSize, Duration maxAge, Supplier<EventStore> store) {
        this.entries = Caffeine.newBuilder().executor(Runnable::run)
                .maximumSize(maximumSize)
                .expireAfter(sinceRead(maxAge))
                .recordStats()
                .build();
        this.store = store;
    }

    /** Expires an entry {@code maxAge} after it was made: the commands that put it back do not extend it. */
    private static Expiry<Object, Object> sinceRead(Duration maxAge) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(Object key, Object value, long currentTime) {
                return maxAge.toNanos();
            }

            @Override
            public long expireAfterUpdate(Object key, Object value, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(Object key, Object value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }

    /** Hits, misses and evictions as {@code cache.*} meters tagged {@code cache=aggregates}. */
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, entries, "aggregates");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key, entry)) {
            entries.invalidate(key);
            return null;
        }
        return (V) value;
    }

    /** Whether the store's last event of the aggregate is the one the entry was built with. */
    private boolean current(Object key, AggregateCacheEntry<?> entry) {
        // in memory an entry keeps the aggregate it was made of, which this returns as it is (nothing recreated)
        Long version = entry.recreateAggregate(null, null, null, null).version();
        Optional<Long> stored = store.get().lastSequenceNumberFor(key.toString());
        return Objects.equals(version, stored.orElse(null));
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        @SuppressWarnings("unchecked")
        UnaryOperator<Object> typed = (UnaryOperator<Object>) update;
        entries.asMap().computeIfPresent(key, (k, v) -> typed.apply(v));
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        forgetAll();
    }

    /** Drops every entry: after an erasure, no aggregate here may keep an erased value. */
    public void forgetAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("The aggregate cache has no listeners: its repositories need none");
    }
}
