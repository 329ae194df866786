package casebook.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A stored document as the store keeps it in its pages and page cache: its BSON bytes, decoded only when a
 * document is asked for ({@link UnsizedCollection}). H2 reads and writes a whole page at a time; when its pages held
 * decoded documents, reading one document decoded every document of its page, and every commit encoded every
 * document of every page it wrote again, though only one of them had changed (a page of events is rewritten for each
 * event appended to it). Kept as bytes, a page is read and written as it is.
 */
final class EncodedDocument {

    private final byte[] bson;

    EncodedDocument(byte[] bson) {
        this.bson = bson;
    }

    /**
     * {@code document} as BSON; the document itself when BSON cannot carry it (none is known), which the store then
     * keeps as it did before it kept bytes.
     */
    static Object of(Document document, int expectedSize) {
        ByteBuf encoded = Unpooled.buffer(expectedSize + 64);
        try {
            BsonEncoder.encodeDocument(document, encoded);
        } catch (RuntimeException notBson) {
            return document;
        }
        byte[] bson = new byte[encoded.readableBytes()];
        encoded.readBytes(bson);
        return new EncodedDocument(bson);
    }

    /** A stored value as a document: decoded from its bytes, or a document stored before bytes were kept. */
    static Document decode(Object stored) {
        if (stored instanceof EncodedDocument encoded) {
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(encoded.bson));
        }
        return (Document) stored;
    }

    byte[] bson() {
        return bson;
    }

    int length() {
        return bson.length;
    }
}
