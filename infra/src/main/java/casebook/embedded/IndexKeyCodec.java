package casebook.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * A compact binary form of the embedded server's index keys ({@link KeyValue}s of strings, numbers, booleans, ObjectIds,
 * dates and UUIDs), written in place of Java serialization.
 * <p>
 * Profiled on a rebuild of the 100k national store, H2 serialising index keys with {@code ObjectOutputStream} when it
 * writes a page, and deserialising them when it reads one back, was a tenth of all CPU: every commit writes the
 * index pages it changed, and every cache miss on an index page reads one. A key here starts with {@link #TAG}, a tag
 * H2's {@code ObjectDataType} never writes (it uses 0-119), so pages written before are still read as they were, and
 * each page is written in this form the next time it changes. A key holding any other value (a document, an array, a
 * decimal) keeps H2's serialised form.
 */
final class IndexKeyCodec {

    /** Marks a key in this form; never the first byte of a value written by H2's {@code ObjectDataType}. */
    static final byte TAG = (byte) 0xC4;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INTEGER = 3;
    private static final byte DOUBLE = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte OBJECT_ID = 7;
    private static final byte DATE = 8;
    private static final byte INSTANT = 9;
    private static final byte UUID_VALUE = 10;

    /**
     * Whether values of this exact class have a form here (Boolean as TRUE or FALSE); these are also the ones
     * {@link IndexKeyOrder} compares directly.
     */
    static boolean isCommon(Class<?> type) {
        return type == Boolean.class || typeOf(type) >= 0;
    }

    private IndexKeyCodec() {
    }

    /** Whether every value of the key has a form here (else the key is left to Java serialization). */
    static boolean canWrite(KeyValue key) {
        for (Object value : key) {
            if (value != null && typeOf(value) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key's size on the heap, roughly: H2 splits pages and sizes its cache by it. Without it H2 would estimate a key
     * it never serialised at 10,000 bytes (its starting guess, otherwise averaged from serialised sizes), split index
     * pages after one or two keys and write far more pages per commit: measured, the 100k store grew from 674 MB to
     * 1.5 GB and the chunk rewrite fell behind.
     */
    static int memory(KeyValue key) {
        int bytes = 64; // the KeyValue, its list and the list's array
        for (Object value : key) {
            bytes += value instanceof String s ? 48 + s.length() : 24;
        }
        return bytes;
    }

    static void write(WriteBuffer buff, KeyValue key) {
        buff.put(TAG).putVarInt(key.size());
        for (Object value : key) {
            byte type = value == null ? NULL : typeOf(value);
            buff.put(type);
            switch (type) {
                case STRING -> {
                    String s = (String) value;
                    buff.putVarInt(s.length()).putStringData(s, s.length());
                }
                case LONG -> buff.putLong((Long) value);
                case INTEGER -> buff.putInt((Integer) value);
                case DOUBLE -> buff.putDouble((Double) value);
                case OBJECT_ID -> buff.put(((ObjectId) value).toByteArray());
                case DATE -> buff.putLong(((Date) value).getTime());
                case INSTANT -> buff.putLong(((Instant) value).getEpochSecond()).putInt(((Instant) value).getNano());
                case UUID_VALUE -> buff.putLong(((UUID) value).getMostSignificantBits())
                        .putLong(((UUID) value).getLeastSignificantBits());
                default -> {
                    // NULL, TRUE and FALSE are their type byte alone.
                }
            }
        }
    }

    /** Whether the value at the buffer's position was written by {@link #write}; the position does not move. */
    static boolean isAt(ByteBuffer buff) {
        return buff.get(buff.position()) == TAG;
    }

    static KeyValue read(ByteBuffer buff) {
        buff.get(); // the tag
        Object[] values = new Object[DataUtils.readVarInt(buff)];
        for (int i = 0; i < values.length; i++) {
            byte type = buff.get();
            values[i] = switch (type) {
                case NULL -> null;
                case STRING -> DataUtils.readString(buff, DataUtils.readVarInt(buff));
                case LONG -> buff.getLong();
                case INTEGER -> buff.getInt();
                case DOUBLE -> buff.getDouble();
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case OBJECT_ID -> {
                    byte[] bytes = new byte[12];
                    buff.get(bytes);
                    yield new ObjectId(bytes);
                }
                case DATE -> new Date(buff.getLong());
                case INSTANT -> Instant.ofEpochSecond(buff.getLong(), buff.getInt());
                case UUID_VALUE -> new UUID(buff.getLong(), buff.getLong());
                default -> throw new IllegalStateException("unknown index key value type " + type);
            };
        }
        return new KeyValue(values);
    }

    // Exact classes only: a subclass (a java.sql.Timestamp for a Date, say) would not read back as itself.
    private static byte typeOf(Object value) {
        if (value instanceof Boolean b) {
            return b ? TRUE : FALSE;
        }
        return typeOf(value.getClass());
    }

    /**
     * Identity checks, most frequent first: this is asked for every value of every index key H2 sizes, writes or
     * compares, and a hash map's look-up here was 2 % of the CPU samples in a profile of the commands benchmark.
     */
    private static byte typeOf(Class<?> type) {
        if (type == String.class) {
            return STRING;
        } else if (type == Long.class) {
            return LONG;
        } else if (type == Integer.class) {
            return INTEGER;
        } else if (type == ObjectId.class) {
            return OBJECT_ID;
        } else if (type == Date.class) {
            return DATE;
        } else if (type == Instant.class) {
            return INSTANT;
        } else if (type == Double.class) {
            return DOUBLE;
        } else if (type == UUID.class) {
            return UUID_VALUE;
        }
        return -1;
    }
}
