package casebook.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A query of the one shape Casebook's hot reads send, {@code {field: {$in: [...]}}} over whole numbers or over
 * strings, matched by a set look-up. mongo-java-server finds such documents through the index and then matches every
 * one of them against the query again, comparing its value with each listed value in turn and boxing both as
 * doubles for every comparison: a window of 100 events cost some 5,000 comparisons and as many {@code Double}s
 * (4 % of all the bytes allocated during a rebuild). Every other query, and every document whose value is not a
 * plain number or string (missing, an array, a double), goes to the library's matcher, so the answers are the same.
 */
final class InListMatch {

    private final Document query;
    private final String field;
    private final Set<Long> numbers;
    private final Set<String> strings;

    private InListMatch(Document query, String field, Set<Long> numbers, Set<String> strings) {
        this.query = query;
        this.field = field;
        this.numbers = numbers;
        this.strings = strings;
    }

    /** The set look-up for {@code query}; one that leaves every document to the library if it has another shape. */
    static InListMatch of(Document query) {
        InListMatch none = new InListMatch(query, null, Set.of(), Set.of());
        if (query.size() != 1) {
            return none;
        }
        Map.Entry<String, Object> only = query.entrySet().iterator().next();
        String field = only.getKey();
        if (field.startsWith("$") || field.indexOf('.') >= 0
                || !(only.getValue() instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> values)) {
            return none;
        }
        Set<Long> numbers = new HashSet<>();
        Set<String> strings = new HashSet<>();
        for (Object v : values) {
            if (v instanceof Long || v instanceof Integer) {
                numbers.add(((Number) v).longValue());
            } else if (v instanceof String s) {
                strings.add(s);
            } else {
                return none; // null, doubles, patterns, documents: the library's rules
            }
        }
        if (!numbers.isEmpty() && !strings.isEmpty()) {
            return none;
        }
        return new InListMatch(query, field, numbers, strings);
    }

    boolean isFor(Document query) {
        return this.query == query;
    }

    /** Whether {@code document} matches; null when the library must decide (its value is not a plain number or string). */
    Boolean matches(Document document) {
        if (field == null) {
            return null;
        }
        Object v = document.get(field);
        if (v instanceof Long || v instanceof Integer) {
            return numbers.contains(((Number) v).longValue());
        }
        if (v instanceof String s) {
            return strings.contains(s);
        }
        return null;
    }
}
