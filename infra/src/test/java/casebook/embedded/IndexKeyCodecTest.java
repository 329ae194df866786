package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexKeyCodecTest {

    private static final List<KeyValue> COMMON_KEYS = List.of(
            new KeyValue("case-1:0000000001"), new KeyValue(""), new KeyValue("地域包括ケア推進課", 3L),
            new KeyValue(1L, -5L, Long.MIN_VALUE), new KeyValue(7, -7, Integer.MAX_VALUE), new KeyValue(2.5, -0.0),
            new KeyValue(true, false), new KeyValue(new ObjectId()), new KeyValue(new Date(1_700_000_000_123L)),
            new KeyValue(Instant.parse("2026-12-04T10:15:30.123456789Z")), new KeyValue(UUID.randomUUID()),
            new KeyValue("bureau", null, 1));

    @TempDir
    Path dir;

    @Test
    void keysOfTheCommonTypesAreWrittenCompactlyAndReadBackEqual() {
        IndexKeyOrder type = new IndexKeyOrder();
        for (KeyValue key : COMMON_KEYS) {
            ByteBuffer written = write(type, key);
            assertThat(written.get(0)).as("compact form of %s", key).isEqualTo(IndexKeyCodec.TAG);
            Object read = type.read(written);
            assertThat(read).isEqualTo(key);
            assertThat(classes((KeyValue) read)).as("each value keeps its class").isEqualTo(classes(key));
            assertThat(written.remaining()).as("the whole value consumed").isZero();
        }
        ByteBuffer serialized = write(new ObjectDataType(), new KeyValue("case-1:0000000001"));
        assertThat(write(type, new KeyValue("case-1:0000000001")).remaining())
                .as("smaller than Java serialization").isLessThan(serialized.remaining() / 4);
    }

    @Test
    void aKeyInTheCompactFormIsEstimatedAtItsSizeSoThatIndexPagesHoldManyKeys() {
        IndexKeyOrder type = new IndexKeyOrder();
        for (KeyValue key : COMMON_KEYS) {
            assertThat(type.getMemory(key)).as("%s", key).isBetween(64, 256);
        }
        String file = dir.resolve("pages.mv").toString();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<KeyValue, Object> index = store.openMap("index", new MVMap.Builder<KeyValue, Object>().keyType(type));
            for (int i = 0; i < 10_000; i++) {
                index.put(new KeyValue("case-" + i + ":0000000001"), (long) i);
            }
            store.commit();
            // H2's estimate for a key it never serialised is 10,000 bytes: then a 16 KB page held one key.
            assertThat(index.getRootPage().getTotalCount() / Math.max(1, leafCount(index.getRootPage())))
                    .as("keys per leaf").isGreaterThan(20);
        }
    }

    private static long leafCount(org.h2.mvstore.Page<KeyValue, Object> page) {
        if (page.isLeaf()) {
            return 1;
        }
        long leaves = 0;
        for (int i = 0; i < page.getRawChildPageCount(); i++) {
            leaves += leafCount(page.getChildPage(i));
        }
        return leaves;
    }

    @Test
    void keysHoldingOtherValuesKeepTheSerialisedFormAndKeysWrittenBeforeStillRead() {
        IndexKeyOrder type = new IndexKeyOrder();
        KeyValue withDocument = new KeyValue("x", new Document("a", 1));
        ByteBuffer written = write(type, withDocument);
        assertThat(written.get(0)).isNotEqualTo(IndexKeyCodec.TAG);
        assertThat(type.read(written)).isEqualTo(withDocument);
        assertThat(write(type, new KeyValue(Missing.getInstance())).get(0)).isNotEqualTo(IndexKeyCodec.TAG);

        // A page written by the earlier key type (H2's serialised form) reads as before.
        for (KeyValue key : COMMON_KEYS) {
            assertThat(type.read(write(new ObjectDataType(), key))).isEqualTo(key);
        }
    }

    @Test
    void anIndexMapWrittenInBothFormsReadsBackAfterReopening() {
        String file = dir.resolve("index.mv").toString();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            // Keys written as before this form existed, then more in the new form, in one map.
            MVMap<KeyValue, Object> before = store.openMap("index", new MVMap.Builder<KeyValue, Object>().keyType(new SerialisedKeys()));
            for (int i = 0; i < 500; i++) {
                before.put(new KeyValue("case-" + i, (long) i), (long) i);
            }
            store.commit();
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<KeyValue, Object> index = store.openMap("index", new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
            for (int i = 500; i < 1000; i++) {
                index.put(new KeyValue("case-" + i, (long) i), (long) i);
            }
            store.commit();
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<KeyValue, Object> index = store.openMap("index", new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
            assertThat(index).hasSize(1000);
            for (int i = 0; i < 1000; i++) {
                assertThat(index.get(new KeyValue("case-" + i, (long) i))).isEqualTo((long) i);
            }
        }
    }

    /** The key type before the compact form: the same order, keys written by Java serialization. */
    private static final class SerialisedKeys extends ObjectDataType {
        @Override
        public int compare(Object a, Object b) {
            return IndexKeyOrder.compareKeys((KeyValue) a, (KeyValue) b);
        }
    }

    private static List<String> classes(KeyValue key) {
        return key.stream().map(v -> v == null ? "null" : v.getClass().getName()).toList();
    }

    private static ByteBuffer write(ObjectDataType type, Object key) {
        WriteBuffer buff = new WriteBuffer();
        type.write(buff, key);
        ByteBuffer bytes = buff.getBuffer();
        bytes.flip();
        return bytes;
    }
}
