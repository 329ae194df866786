package casebook.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a replacement by {@code _id} ({@code replaceOne}, upserting or not) stores, built without copying the
 * replacement: the server decoded it from the request for this one write, so nothing else holds it.
 * {@link UnsizedCollection#updateDocuments} uses it for the read models' writes.
 */
final class Replacements {

    static final String ID = "_id";

    private Replacements() {
    }

    /**
     * Whether {@code selector} names one document by a plain {@code _id} (other plain fields may narrow it, as the read
     * models' version guard does) and {@code update} replaces that document whole: no operators, and an {@code _id},
     * if any, the same as the selector's. Anything else ({@code $set}, {@code $and}, an {@code _id} of another type)
     * is left to mongo-java-server.
     */
    static boolean isReplacementById(Document selector, Document update) {
        if (!isPlainId(selector.get(ID))) {
            return false;
        }
        for (Map.Entry<String, Object> condition : selector.entrySet()) {
            if (condition.getKey().startsWith("$")) {
                return false;
            }
        }
        for (String key : update.keySet()) {
            if (key.startsWith("$")) {
                return false;
            }
        }
        return !update.containsKey(ID) || Objects.equals(update.get(ID), selector.get(ID));
    }

    private static boolean isPlainId(Object id) {
        return id instanceof String || id instanceof Long || id instanceof Integer || id instanceof ObjectId;
    }

    /**
     * The document to store: {@code _id} first, as mongo-java-server stores a replacement (Casebook's read models
     * append it last), then the replacement's fields in their order. The values are the replacement's own, not copies.
     */
    static Document withId(Object id, Document replacement) {
        Document stored = new Document(ID, id);
        for (Map.Entry<String, Object> field : replacement.entrySet()) {
            if (!ID.equals(field.getKey())) {
                stored.put(field.getKey(), field.getValue());
            }
        }
        return stored;
    }

    /**
     * {@link Document#equals} (the same fields in the same order with equal values, nested documents alike) without
     * its copies of every nested document's keys.
     */
    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Document x && b instanceof Document y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<Map.Entry<String, Object>> others = y.entrySet().iterator();
            for (Map.Entry<String, Object> field : x.entrySet()) {
                Map.Entry<String, Object> other = others.next();
                if (!field.getKey().equals(other.getKey()) || !same(field.getValue(), other.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> others = y.iterator();
            for (Object element : x) {
                if (!same(element, others.next())) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
