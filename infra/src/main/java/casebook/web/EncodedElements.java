package casebook.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON of single elements of list answers, kept by the elements' identity, so that a list made afresh for a
 * request out of elements the query side hands out again (the deadline board: every officer asks for a window of
 * their own, and each window is a run of the same item objects, {@code casebook.grantwork.BoardItems}) is written as
 * the elements' JSON laid end to end, each element written by Jackson once. Writing the board's answers was the
 * largest single cost of the list queries once the lists themselves were kept (thirty-second session).
 * <p>
 * By identity, not by equal content: the thirty-second session kept elements by equal content, and in a long-running
 * JVM the records' generated equals and hashCode over 19 fields cost more than writing the elements did (44 % of
 * the board's samples, docs/PERFORMANCE.md); finding an element by identity is one identity hash and one {@code ==}.
 * An element is kept from the second time it is sent, so lists whose elements are made new for every request do not
 * fill the space: the first sightings are remembered by identity hash alone, in a fixed table, holding no
 * references. Only the query side's answers come here (records of the shared kernel's {@code query} packages, which
 * nobody changes once made: {@link EncodedAnswers.Key}). Bounded by bytes, least recently used out.
 */
final class EncodedElements {

    /** An element as a key: equal only to itself. */
    private static final class Same {
        private final Object element;
        private final int hash;

        Same(Object element) {
            this.element = element;
            this.hash = System.identityHashCode(element);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Same other && other.element == element;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final long maxBytes;
    private final int maxElementBytes;
    private long bytes;
    private final Map<Same, byte[]> kept = new LinkedHashMap<>(1024, 0.75f, true);
    /** Identity hashes of elements sent once, each in the slot its hash picks; a later one there takes its place. */
    private final int[] seenOnce;

    EncodedElements(long maxBytes, int rememberedOnce) {
        this.maxBytes = maxBytes;
        this.maxElementBytes = (int) Math.min(Integer.MAX_VALUE, maxBytes / 256);
        this.seenOnce = new int[Integer.highestOneBit(Math.max(1, rememberedOnce - 1)) << 1];
    }

    /** The JSON array of {@code elements}, each element's JSON kept or {@code encode}'s. */
    byte[] array(List<?> elements, Function<Object, byte[]> encode) {
        int n = elements.size();
        Same[] keys = new Same[n];
        byte[][] parts = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = new Same(elements.get(i));
        }
        synchronized (this) {
            for (int i = 0; i < n; i++) {
                parts[i] = kept.get(keys[i]);
            }
        }
        boolean wrote = false;
        int length = n == 0 ? 2 : n + 1; // the brackets and the commas between elements
        for (int i = 0; i < n; i++) {
            if (parts[i] == null) {
                parts[i] = encode.apply(elements.get(i));
                wrote = true;
            }
            length += parts[i].length;
        }
        if (wrote) {
            keep(keys, parts);
        }
        byte[] json = new byte[length];
        json[0] = '[';
        int at = 1;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                json[at++] = ',';
            }
            System.arraycopy(parts[i], 0, json, at, parts[i].length);
            at += parts[i].length;
        }
        json[at] = ']';
        return json;
    }

    private synchronized void keep(Same[] keys, byte[][] parts) {
        int mask = seenOnce.length - 1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length > maxElementBytes || kept.containsKey(keys[i])) {
                continue;
            }
            int slot = keys[i].hash & mask;
            if (seenOnce[slot] != keys[i].hash) {
                seenOnce[slot] = keys[i].hash; // a first sighting, or one forgotten: kept if sent again
            } else if (kept.putIfAbsent(keys[i], parts[i]) == null) {
                bytes += parts[i].length; // another element of the same hash, rarely: kept a send early, no harm
            }
        }
        var eldest = kept.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().length;
            eldest.remove();
        }
    }

    /** How many elements' JSON is kept just now. */
    synchronized int size() {
        return kept.size();
    }
}
