package casebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casebook.testing.MovableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view of the token store under another owner name (what the replay of a restored log holds the projection
 * processors' segments with, docs/adr/0021): while it holds a segment, the instance's own processors can neither claim
 * it nor find it available; the view stores tokens there, and once it releases (or stops extending) its claim, the
 * instance claims the segment at the token the view stored.
 */
class ClaimingAsTest {

    private static final String PROCESSOR = "casebook.progress";

    @TempDir
    Path dir;

    @Test
    void segmentsHeldByTheViewAreNotTheInstancesUntilReleasedOrExpired() {
        try (EmbeddedStore store = new EmbeddedStore(dir)) {
            MongoDatabase db = store.database();
            MovableClock clock = new MovableClock(Instant.parse("2026-12-06T00:00:00Z"));
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
            MongoTokenStore instance = new MongoTokenStore(db, serializer, "node-1", Duration.ofSeconds(10), clock);
            MongoTokenStore restorer = instance.claimingAs("node-1/restore");

            // Created already claimed: never free for the instance, not even between creation and a claim.
            restorer.initializeClaimedSegments(PROCESSOR, 2, null);
            assertThat(instance.fetchAvailableSegments(PROCESSOR)).isEmpty();
            assertThatThrownBy(() -> instance.claimingAs("node-2/restore").initializeClaimedSegments(PROCESSOR, 2, null))
                    .isInstanceOf(UnableToInitializeTokenException.class);
            assertThat(restorer.fetchToken(PROCESSOR, 0)).isNull();
            assertThatThrownBy(() -> instance.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class)
                    .hasMessageContaining("node-1/restore");
            // Nor may the instance store over the view's claim.
            assertThatThrownBy(() -> instance.storeToken(new GlobalSequenceTrackingToken(1), PROCESSOR, 0))
                    .isInstanceOf(UnableToClaimTokenException.class);

            // The view hands a position over and lets segment 0 go: the instance claims it there.
            restorer.storeToken(new GlobalSequenceTrackingToken(41), PROCESSOR, 0);
            restorer.releaseClaim(PROCESSOR, 0);
            assertThat(instance.fetchAvailableSegments(PROCESSOR)).hasSize(1);
            assertThat(instance.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(41));

            // Segment 1's claim is extended for a while, then no more (the replaying instance died): it expires.
            clock.advance(Duration.ofSeconds(8));
            restorer.extendClaim(PROCESSOR, 1);
            clock.advance(Duration.ofSeconds(8));
            assertThatThrownBy(() -> instance.fetchToken(PROCESSOR, 1)).isInstanceOf(UnableToClaimTokenException.class);
            clock.advance(Duration.ofSeconds(3));
            assertThat(instance.fetchToken(PROCESSOR, 1)).isNull();
            assertThatThrownBy(() -> restorer.extendClaim(PROCESSOR, 1)).isInstanceOf(UnableToClaimTokenException.class);
        }
    }
}
