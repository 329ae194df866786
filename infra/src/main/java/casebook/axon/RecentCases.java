package casebook.axon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The aggregate cache: the {@code capacity} cases used most recently stay in memory, held strongly, and the least
 * recently used one leaves when another comes in.
 *
 * <p>Why not Axon's {@code WeakReferenceCache}: it holds a case only until the next young collection, a few seconds
 * under load, so it helps only while one case's commands come back to back. Officers work many cases at once, and a
 * case's next command usually comes after others' (measured in the national benchmark with a thousand cases in
 * progress: the case was loaded again, snapshot and events, for 92 % of the commands). A fiscal year's cases
 * (about 6,700 nationally) fit in the default capacity at a few kilobytes each.
 *
 * <p>A case held here may be older than the log when another instance sharing the database wrote to it; the
 * dispatcher then evicts it and runs the command again (casebook.web.CommandDispatcher).
 *
 * <p>One lock guards the map: every read moves its entry to the young end, and the lock is held for a map operation
 * only, never while a case is loaded (Axon loads outside the cache and puts the result).
 */
public final class RecentCases implements Cache {

    private final int capacity;
    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    public RecentCases(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    public int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return entries.size();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long evictions() {
        return evictions.sum();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value;
        synchronized (this) {
            value = (V) entries.get(key);
        }
        if (value == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        notify(l -> l.onEntryRead(key, value));
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous;
        Object evicted;
        synchronized (this) {
            previous = entries.put(key, value);
            evicted = previous == null ? evictEldest() : null;
        }
        notifyPut(key, value, previous);
        notifyEvicted(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Object evicted;
        synchronized (this) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evictEldest();
        }
        notify(l -> l.onEntryCreated(key, value));
        notifyEvicted(evicted);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = get(key);
        if (value != null) {
            return value;
        }
        // Computed outside the lock (it may load a case); a value another thread put meanwhile wins.
        T computed = valueSupplier.get();
        if (computed == null || putIfAbsent(key, computed)) {
            return computed;
        }
        T current = get(key);
        return current != null ? current : computed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object before;
        Object after;
        synchronized (this) {
            before = entries.get(key);
            if (before == null) {
                return;
            }
            after = update.apply((V) before);
            if (after == null) {
                entries.remove(key);
            } else {
                entries.put(key, after);
            }
        }
        if (after == null) {
            notify(l -> l.onEntryRemoved(key));
        } else {
            notify(l -> l.onEntryUpdated(key, after));
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (this) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            notify(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (this) {
            keys = List.copyOf(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> notify(l -> l.onEntryRemoved(key)));
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Called with the lock held, after an insert: the least recently used key when over capacity, else null. */
    private Object evictEldest() {
        if (entries.size() <= capacity) {
            return null;
        }
        var eldest = entries.keySet().iterator();
        Object key = eldest.next();
        eldest.remove();
        evictions.increment();
        return key;
    }

    private void notifyPut(Object key, Object value, Object previous) {
        if (previous == null) {
            notify(l -> l.onEntryCreated(key, value));
        } else {
            notify(l -> l.onEntryUpdated(key, value));
        }
    }

    private void notifyEvicted(Object key) {
        if (key != null) {
            notify(l -> l.onEntryExpired(key));
        }
    }

    private void notify(Consumer<EntryListener> event) {
        if (!listeners.isEmpty()) {
            listeners.forEach(event);
        }
    }
}
