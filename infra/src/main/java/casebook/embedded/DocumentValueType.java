package casebook.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded server's collections: documents are stored as BSON (the form they arrived in over
 * the wire) instead of by Java serialisation. Profiled on the national benchmark, serialising documents was the
 * largest cost of the store's commits (which hold the store's lock, so every operation waited on it), and the
 * serialised form took about 8 KB per event on disk.
 *
 * <p>A BSON value starts with a tag H2 never writes (its own tags are 0-119), so values written before this type
 * existed still read through H2's own {@link ObjectDataType}, and are rewritten as BSON when their page is next
 * written. A document BSON cannot carry (none is known) is stored the old way.
 */
final class DocumentValueType extends ObjectDataType {

    static final byte BSON = (byte) 0xC8;

    /**
     * A decoded document takes 2.4-5.6 times its BSON size on the heap (measured on events, audit documents and read
     * models); H2 sizes its page cache by this estimate, so it must not be the encoded size: at 1x, the "256 MB" cache
     * held well over 600 MB of documents and the benchmark JVM spent its time in GC.
     */
    private static final int HEAP_PER_BSON_BYTE = 5;

    /**
     * Each thread's encoding buffer, used again for every document it writes: a new one per document (grown by
     * doubling past the average) was 2.5 % of the bytes a million-event rebuild allocated (twenty-fourth session's
     * profile), and allocation is what drives the collector's pauses. One that grew past {@link #KEPT_CAPACITY} for a
     * large document is let go after it.
     */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(DocumentValueType::newBuffer);
    private static final int KEPT_CAPACITY = 256 * 1024;

    /** A running average of the encoded documents of this collection. */
    private volatile int averageSize = 1024;

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (!(value instanceof Document document)) {
            super.write(buff, value);
            return;
        }
        ByteBuf encoded = ENCODING.get().clear();
        try {
            BsonEncoder.encodeDocument(document, encoded);
        } catch (RuntimeException notBson) {
            super.write(buff, value);
            return;
        }
        int length = encoded.readableBytes();
        buff.put(BSON).putVarInt(length).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
        remember(length);
        if (encoded.capacity() > KEPT_CAPACITY) {
            ENCODING.set(newBuffer());
        }
    }

    private static ByteBuf newBuffer() {
        return Unpooled.buffer(16 * 1024);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        remember(length);
        if (!buff.hasArray()) {
            byte[] bytes = new byte[length];
            buff.get(bytes);
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        }
        // Decoded where H2 read the page (no copy first: that was 1.9 % of a rebuild's allocation). The decoder
        // copies every value it takes, so the document keeps nothing of the page's buffer.
        int at = buff.position();
        buff.position(at + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buff.array(), buff.arrayOffset() + at, length));
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize * HEAP_PER_BSON_BYTE : super.getMemory(value);
    }

    /** The running average of this collection's encoded documents, in bytes. */
    int averageSize() {
        return averageSize;
    }

    private void remember(int length) {
        averageSize = (length + 15 * averageSize) / 16;
    }
}
