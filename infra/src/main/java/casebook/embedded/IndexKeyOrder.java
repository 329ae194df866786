package casebook.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's index maps: ordered, and for the common value types stored
 * ({@link IndexKeyCodec}), without Java serialization. mongo-java-server keeps each unique index in an H2 map keyed by its
 * {@link KeyValue}, which H2 cannot compare natively, so it serialises both sides of every comparison: profiled on the
 * national benchmark, that was a fifth of all CPU (each look-up and insert walks a B-tree with a dozen comparisons).
 *
 * <p>The order only has to be a total order consistent with {@link KeyValue#equals}: the indexes answer equality and
 * {@code $in} look-ups, never ranges. Values of the common key types (strings, numbers, booleans, ObjectIds, dates,
 * UUIDs) are compared directly, first by class (values of different classes are never equal in a KeyValue), then by
 * value; anything else keeps H2's serialised comparison. A store whose index maps were ordered the old way is re-keyed
 * once when it is opened ({@link IndexMaps#reorder}).
 */
final class IndexKeyOrder extends ObjectDataType {

    /** Index keys of the common value types are written in {@link IndexKeyCodec}'s compact form, not serialised. */
    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue key && IndexKeyCodec.canWrite(key)) {
            IndexKeyCodec.write(buff, key);
        } else {
            super.write(buff, obj);
        }
    }

    @Override
    public int getMemory(Object obj) {
        return obj instanceof KeyValue key && IndexKeyCodec.canWrite(key) ? IndexKeyCodec.memory(key) : super.getMemory(obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        return IndexKeyCodec.isAt(buff) ? IndexKeyCodec.read(buff) : super.read(buff);
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            return compareKeys(x, y);
        }
        return super.compare(a, b);
    }

    static int compareKeys(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        boolean directA = IndexKeyCodec.isCommon(a.getClass());
        boolean directB = IndexKeyCodec.isCommon(b.getClass());
        if (directA != directB) {
            return directA ? -1 : 1;
        }
        if (!directA) {
            // Documents, arrays, Missing, decimals: rare in keys; H2's own order, by serialised form.
            return compareNotNull(serialize(a), serialize(b));
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return ((Comparable) a).compareTo(b);
    }
}
