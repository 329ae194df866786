package casebook.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 unique index, on a map ordered by {@link IndexKeyOrder}, with the index key of a document
 * found without the library's general path where it can be. The library builds the list of key names anew with a
 * stream on every use, splits each name with a regular expression and collects the values through a map and
 * streams, for every insert, update, removal and look-up and for every unique index of the collection: a quarter of
 * the bytes the embedded server allocated under P1's load (thirtieth session's profile of the store in a process of
 * its own). Here, when every key is a top-level field and no value is an array, the key is the fields' values,
 * normalised as the library does (by its own {@link KeyValue#normalized()} where a value needs it); nested paths
 * and arrays (multikey entries, parallel arrays refused) still take the library's path. {@code
 * OrderedUniqueIndexTest} holds the two to the same answers.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;
    private final List<String> keyNames;
    private final Set<String> keyNameSet;
    /** Every key a top-level field name, read from a document as {@code getOrMissing(name)} as the library does. */
    private final boolean topLevelKeys;

    OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.keyNames = keys.stream().map(IndexKey::getKey).toList();
        this.keyNameSet = Collections.unmodifiableSet(new LinkedHashSet<>(keyNames));
        this.topLevelKeys = keyNames.stream().noneMatch(k -> k.contains(".") || k.equals("$"));
    }

    @Override
    protected List<String> keys() {
        return keyNames;
    }

    @Override
    protected Set<String> keySet() {
        return keyNameSet;
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        KeyValue values = topLevelValues(document);
        return values == null ? super.getKeyValues(document) : Set.of(normalized(values));
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        KeyValue values = topLevelValues(document);
        if (values == null) {
            super.checkAdd(document, collection);
            return;
        }
        if (isSparse() && keyNames.stream().noneMatch(document::containsKey)) {
            return;
        }
        if (containsKey(normalized(values))) {
            throw new DuplicateKeyError(this, collection, getKeys(), values);
        }
    }

    /**
     * The key as the library normalises it; a key of strings, ObjectIds, dates and the like is its own normal form (the
     * library changes only null, missing, numbers, documents and arrays), so it is not copied through a stream.
     */
    private static KeyValue normalized(KeyValue values) {
        for (Object value : values) {
            if (value == null || value instanceof Missing || value instanceof Number || value instanceof Map) {
                return values.normalized();
            }
        }
        return values;
    }

    /** The document's values for the keys, not yet normalised; null where the library's general path is needed. */
    private KeyValue topLevelValues(Document document) {
        if (!topLevelKeys) {
            return null;
        }
        Object[] values = new Object[keyNames.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = document.getOrMissing(keyNames.get(i));
            if (value instanceof Collection) {
                return null; // an array: one entry per element, as the library computes them
            }
            values[i] = value;
        }
        return new KeyValue(values);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
