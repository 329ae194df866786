package casebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casebook.audittrail.LoggedEvent;
import casebook.axon.EventStoreCaseLog;
import casebook.kernel.audit.MetaDataKeys;
import casebook.kernel.inquiry.event.InquiryClosed;
import casebook.kernel.inquiry.event.InquiryReopened;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail's case log on the real event store and embedded server: what an auditor's timeline is built from. */
class EventStoreCaseLogTest {

    @TempDir
    Path dir;
    EmbeddedStore store;
    MongoEventStorageEngine engine;
    EventStoreCaseLog log;
    final Serializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).build();

    @BeforeEach
    void open() {
        store = new EmbeddedStore(dir);
        engine = MongoEventStorageEngine.builder().database(store.database()).eventSerializer(serializer)
                .snapshotSerializer(serializer).durability(store.durability()).build();
        log = new EventStoreCaseLog(engine);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachEventComesWithWhoRecordedItWhenAndItsPlaceInTheChain() {
        Instant at = Instant.parse("2025-01-02T09:00:00Z");
        LocalDate day = LocalDate.of(2025, 1, 2);
        engine.appendEvents(new GenericDomainEventMessage<>("Inquiry", "q1", 0, new InquiryClosed("q1", day, day),
                MetaData.from(Map.of(MetaDataKeys.ACTOR, "officer-tohoku", MetaDataKeys.ACTOR_ROLE, "CASE_OFFICER",
                        MetaDataKeys.CORRELATION_ID, "corr-1")), "e0", at));
        // Metadata of another type is read as text: the trail never drops an event for its metadata.
        engine.appendEvents(new GenericDomainEventMessage<>("Inquiry", "q1", 1, new InquiryReopened("q1", day, "再照会", day),
                MetaData.from(Map.of(MetaDataKeys.ACTOR, 42)), "e1", at.plusSeconds(60)));

        List<LoggedEvent> events = log.read("q1", 0);

        assertThat(events).extracting(LoggedEvent::seq).containsExactly(0L, 1L);
        LoggedEvent first = events.get(0);
        assertThat(first.event()).isEqualTo(new InquiryClosed("q1", day, day));
        assertThat(first.recordedAt()).isEqualTo(at);
        assertThat(first.actor()).isEqualTo("officer-tohoku");
        assertThat(first.actorRole()).isEqualTo("CASE_OFFICER");
        assertThat(first.correlationId()).isEqualTo("corr-1");
        assertThat(first.hash()).isNotBlank();
        assertThat(events.get(1).prevHash()).isEqualTo(first.hash());
        assertThat(events.get(1).actor()).isEqualTo("42");
        assertThat(events.get(1).correlationId()).isNull();
        assertThat(log.read("q1", 1)).extracting(LoggedEvent::seq).containsExactly(1L);
        assertThat(log.read("q1", 2)).isEmpty();
    }

    @Test
    void anEventThisBuildCannotReadStopsTheCaseRatherThanLeaveAGapInItsTimeline() {
        LocalDate day = LocalDate.of(2025, 1, 2);
        engine.appendEvents(new GenericDomainEventMessage<>("Inquiry", "q2", 0, new InquiryClosed("q2", day, day)));
        engine.appendEvents(new GenericDomainEventMessage<>("Inquiry", "q2", 1, new MongoEventStorageEngineTest.Noted("q2", 1)));

        assertThatThrownBy(() -> log.read("q2", 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event 1 of case q2").hasMessageContaining("Noted");
    }
}
