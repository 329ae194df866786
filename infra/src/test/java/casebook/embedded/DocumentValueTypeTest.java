package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class DocumentValueTypeTest {

    private final DocumentValueType type = new DocumentValueType();

    @Test
    void aDocumentIsStoredAsBsonAndReadBackEqual() {
        Document nested = new Document("bureauCode", "kanto-shinetsu").append("steps", List.of(1, 2L, 3.5, "四"));
        Document document = new Document("_id", "case-1:0000000042").append("seq", 42L).append("count", 7)
                .append("amount", Decimal128.fromNumber(new java.math.BigDecimal("1234.50")))
                .append("recordedAt", Instant.parse("2026-04-01T00:00:00Z")).append("late", true)
                .append("none", null).append("id", new ObjectId()).append("view", nested)
                .append("label", "地域づくり加速化事業");

        ByteBuffer stored = write(document);

        assertThat(stored.get(0)).isEqualTo(DocumentValueType.BSON);
        assertThat(type.read(stored)).isEqualTo(document);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void documentsWrittenOneAfterAnotherReadBackFromOnePage() {
        // The encoding buffer is used again for each document, and one grown past what is kept is let go: a large
        // document between two small ones, as H2 writes a page's values one after another.
        Document small = new Document("_id", "a").append("n", 1);
        Document large = new Document("_id", "b").append("text", "長".repeat(200_000));
        Document smaller = new Document("_id", "c");
        WriteBuffer page = new WriteBuffer();
        for (Document document : List.of(small, large, smaller, small)) {
            type.write(page, document);
        }
        ByteBuffer stored = page.getBuffer().flip();

        assertThat(List.of(type.read(stored), type.read(stored), type.read(stored), type.read(stored)))
                .containsExactly(small, large, smaller, small);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void aPageOutsideTheHeapReadsTheSame() {
        Document document = new Document("_id", "case-2:0000000001").append("label", "1.5回目会議");
        ByteBuffer heap = write(document);
        ByteBuffer direct = ByteBuffer.allocateDirect(heap.remaining() + 3).put(heap).put(new byte[] {1, 2, 3}).flip();

        assertThat(type.read(direct)).isEqualTo(document);
        assertThat(direct.remaining()).isEqualTo(3);
    }

    @Test
    void valuesWrittenByH2sOwnTypeStillRead() {
        Document document = new Document("_id", 5L).append("text", "旧形式");
        WriteBuffer old = new WriteBuffer();
        new ObjectDataType().write(old, document);
        ByteBuffer stored = old.getBuffer().flip();

        assertThat(type.read(stored)).isEqualTo(document);
    }

    @Test
    void aDocumentBsonCannotCarryIsStoredTheOldWay() {
        Document document = new Document("_id", 6L).append("at", new java.util.Date(0)); // the wire decodes dates as Instant

        ByteBuffer stored = write(document);

        assertThat(stored.get(0)).isNotEqualTo(DocumentValueType.BSON);
        assertThat(type.read(stored)).isEqualTo(document);
    }

    @Test
    void otherValuesAreLeftToH2() {
        assertThat(type.read(write(42L))).isEqualTo(42L);
        assertThat(type.read(write("meta"))).isEqualTo("meta");
    }

    private ByteBuffer write(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        return buffer.getBuffer().flip();
    }
}
