package casebook.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON of answers that are sent again unchanged, kept by the identity of what they are made of.
 * <p>
 * The query side keeps its list answers while their rows stay the same ({@code casebook.readmodel.KeptAnswers}), so
 * the officers of a bureau opening the same worklist all day are answered with the very same row objects; only
 * writing them as JSON was left to do for each request, and at a million events that is 70-490 KB per answer and
 * the largest single cost of the list queries (a fifth of all CPU samples while 64 readers asked). An answer is
 * identified by its elements themselves ({@code ==}, in order), not by equal content, so finding it costs one pass
 * over references, never a comparison of rows; an answer made afresh for each request (a case's detail, a board
 * for a window asked once) is not found whole and is written again, a list of query answers from its elements' JSON
 * where those are kept ({@link EncodedElements}). Only the query side's answers qualify
 * (records of the shared kernel's {@code query} packages, which nobody changes once made; an infrastructure record
 * may hold live state), and an answer is kept from the second time it is sent: one-off answers never fill the
 * space. Bounded by bytes, least recently used out.
 */
final class EncodedAnswers {

    /** What an answer is made of: its elements in order, compared by identity. */
    static final class Key {
        private final Object[] parts;
        private final int hash;

        private Key(Object[] parts) {
            this.parts = parts;
            int h = parts.length;
            for (Object part : parts) {
                h = 31 * h + System.identityHashCode(part);
            }
            this.hash = h;
        }

        /** The key of a query answer, or of a non-empty list of them; null for anything else. */
        static Key of(Object value) {
            if (isQueryAnswer(value)) {
                return new Key(new Object[] {value});
            }
            if (value instanceof List<?> list && !list.isEmpty()) {
                Object[] parts = list.toArray();
                for (Object part : parts) {
                    if (!isQueryAnswer(part)) {
                        return null;
                    }
                }
                return new Key(parts);
            }
            return null;
        }

        private static boolean isQueryAnswer(Object value) {
            return value instanceof Record && value.getClass().getPackageName().startsWith("casebook.kernel.")
                    && value.getClass().getPackageName().endsWith(".query");
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key other) || other.hash != hash || other.parts.length != parts.length) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != other.parts[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final long maxBytes;
    private long bytes;
    private final Map<Key, byte[]> kept = new LinkedHashMap<>(64, 0.75f, true);
    /** Answers sent once, by their keys' hashes only: holding no references, it keeps no rows alive. */
    private final Map<Integer, Boolean> seenOnce;

    EncodedAnswers(long maxBytes, int rememberedOnce) {
        this.maxBytes = maxBytes;
        this.seenOnce = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                return size() > rememberedOnce;
            }
        };
    }

    /** The JSON of {@code key}'s answer: kept, or {@code encode}'s (kept when this answer was sent before). */
    byte[] json(Key key, Supplier<byte[]> encode) {
        synchronized (this) {
            byte[] held = kept.get(key);
            if (held != null) {
                return held;
            }
        }
        byte[] json = encode.get();
        synchronized (this) {
            // A hash seen before may, rarely, belong to another answer; then this one is kept a send early, no harm.
            if (seenOnce.remove(key.hashCode()) == null) {
                seenOnce.put(key.hashCode(), Boolean.TRUE);
            } else if (json.length <= maxBytes / 4 && kept.putIfAbsent(key, json) == null) {
                bytes += json.length;
                var eldest = kept.entrySet().iterator();
                while (bytes > maxBytes && eldest.hasNext()) {
                    bytes -= eldest.next().getValue().length;
                    eldest.remove();
                }
            }
        }
        return json;
    }

    /** How many answers' JSON is kept just now. */
    synchronized int size() {
        return kept.size();
    }
}
