package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LongestHoldTest {

    @Test
    void keepsTheLongestSinceTheLastLookAndDescribesOnlyANewLongest() {
        LongestHold hold = new LongestHold();
        AtomicInteger described = new AtomicInteger();
        hold.record(2_000_000, () -> "first " + described.incrementAndGet());
        hold.record(7_500_000, () -> "longest " + described.incrementAndGet());
        hold.record(3_000_000, () -> "shorter " + described.incrementAndGet());

        assertThat(hold.drain()).isEqualTo("7.5ms (longest 2)");
        assertThat(described).as("a shorter one is not described").hasValue(2);
        assertThat(hold.drain()).as("reset by the look").isEqualTo("0.0ms (-)");
    }

    @Test
    void anOperationIsNamedByCommandCollectionAndBatchSize() {
        Document update = new Document("update", "grant_rows").append("updates", List.of(new Document(), new Document()));
        assertThat(CommitLockingBackend.describe("casebook", "update", update)).isEqualTo("update casebook.grant_rows (2)");
        assertThat(CommitLockingBackend.describe("casebook", "find", new Document("find", "events")))
                .isEqualTo("find casebook.events");
    }
}
