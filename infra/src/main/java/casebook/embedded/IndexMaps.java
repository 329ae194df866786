package casebook.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded server's index maps with {@link IndexKeyOrder}, and re-keys a store written before it existed.
 * Which order a store's index maps are in is recorded in its own {@code casebook.format} map, committed with them.
 */
final class IndexMaps {

    private static final Logger log = LoggerFactory.getLogger(IndexMaps.class);
    static final String FORMAT_MAP = "casebook.format";
    static final String INDEX_ORDER = "indexKeyOrder";
    /** 1 (absent): H2's serialised order; 2: {@link IndexKeyOrder}. */
    static final int CURRENT_ORDER = 2;
    private static final String INDEX_MARK = "._index_";
    private static final String REORDERING = ".reordering";

    private IndexMaps() {
    }

    static MVMap<KeyValue, Object> open(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
    }

    /**
     * Brings every index map of the store into {@link IndexKeyOrder}, once: each map's entries are copied in the new
     * order into a fresh map that then takes the old one's name, all in one commit, so a crash half-way leaves the
     * store as it was and the next start does it again. Must run before the backend opens the databases.
     */
    static void reorder(MVStore store) {
        MVMap<String, Object> format = store.openMap(FORMAT_MAP);
        Object order = format.get(INDEX_ORDER);
        if (order instanceof Integer o && o == CURRENT_ORDER) {
            return;
        }
        long start = System.nanoTime();
        long entries = 0;
        List<String> names = store.getMapNames().stream().filter(n -> n.contains(INDEX_MARK)).toList();
        for (String name : names) {
            MVMap<Object, Object> old = store.openMap(name);
            MVMap<KeyValue, Object> reordered = open(store, name + REORDERING);
            for (Map.Entry<Object, Object> e : old.entrySet()) {
                reordered.put((KeyValue) e.getKey(), e.getValue());
                entries++;
            }
            store.removeMap(old);
            store.renameMap(reordered, name);
        }
        format.put(INDEX_ORDER, CURRENT_ORDER);
        store.commit();
        if (!names.isEmpty()) {
            log.info("embedded store: {} index maps ({} entries) re-keyed into the direct key order in {} ms",
                    names.size(), entries, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
