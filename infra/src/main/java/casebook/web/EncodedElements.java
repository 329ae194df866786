package casebook.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON of single elements of list answers, kept by equal content, so that a list made afresh for each request
 * (the deadline board of a window of months, asked with a new window by every officer) is written as the elements'
 * JSON laid end to end, each element written by Jackson only the first time it is sent. Writing the board's
 * 117 KB answers was the largest single cost of the list queries once the lists themselves were kept (thirty-second
 * session, docs/PERFORMANCE.md); finding an element costs its record's hash and one equality check, a tenth of
 * writing it. Only the query side's answers come here (records of the shared kernel's {@code query} packages, which
 * nobody changes once made, and whose equal values are written alike: {@link EncodedAnswers.Key}). Bounded by
 * bytes, least recently used out.
 */
final class EncodedElements {

    private final long maxBytes;
    private final int maxElementBytes;
    private long bytes;
    private final Map<Object, byte[]> kept = new LinkedHashMap<>(1024, 0.75f, true);

    EncodedElements(long maxBytes) {
        this.maxBytes = maxBytes;
        this.maxElementBytes = (int) Math.min(Integer.MAX_VALUE, maxBytes / 256);
    }

    /** The JSON array of {@code elements}, each element's JSON kept or {@code encode}'s. */
    byte[] array(List<?> elements, Function<Object, byte[]> encode) {
        int n = elements.size();
        byte[][] parts = new byte[n][];
        synchronized (this) {
            for (int i = 0; i < n; i++) {
                parts[i] = kept.get(elements.get(i));
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
            keep(elements, parts);
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

    private synchronized void keep(List<?> elements, byte[][] parts) {
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length <= maxElementBytes && kept.putIfAbsent(elements.get(i), parts[i]) == null) {
                bytes += parts[i].length;
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
