package casebook.axon;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.embedded.EmbeddedMongo;
import casebook.eventstore.MongoTokenStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that waits for its projections wakes this instance's processors first; one that does not wait, not. */
class ProjectionBarrierTest {

    @TempDir
    Path dir;

    @Test
    void aWaitWakesTheProcessorsOnceAndNoWaitLeavesThemToTheirPoll() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTokenStore tokens = new MongoTokenStore(client.getDatabase("casebook"),
                    JacksonSerializer.builder().objectMapper(new ObjectMapper()).build(), "node-1", Duration.ofSeconds(10),
                    Clock.systemUTC());
            AtomicInteger wakes = new AtomicInteger();

            ProjectionBarrier waiting = new ProjectionBarrier(tokens, wakes::incrementAndGet, Duration.ofMillis(1));
            assertThat(waiting.awaitProjections("case-1", 5)).as("no processor has stored a token: timed out").isFalse();
            assertThat(wakes).hasValue(1);

            ProjectionBarrier notWaiting = new ProjectionBarrier(tokens, wakes::incrementAndGet, Duration.ZERO);
            assertThat(notWaiting.awaitProjections("case-1", 5)).isFalse();
            assertThat(wakes).as("an answer that does not wait leaves the processors to batch").hasValue(1);
        }
    }
}
