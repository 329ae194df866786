package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The browser sessions' TTL index is a secondary index, which the embedded server lists and does not keep. It is
 * created, listed and survives a restart as before; queries on its key still answer (by a scan); and neither its
 * creation nor every later start logs the server's warning, only Casebook's one line saying what it means.
 */
class SecondaryIndexTest {

    @TempDir
    Path dir;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
    }

    @Test
    void aTtlIndexIsListedAndQueriedWithoutTheServersWarningAtCreationOrRestart() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> sessions = client.getDatabase("casebook").getCollection("web_sessions");
            sessions.createIndex(new Document("expiresAt", 1), new IndexOptions().name("expires").expireAfter(0L, TimeUnit.SECONDS));
            sessions.insertOne(new Document("_id", "a").append("expiresAt", 5));
            sessions.insertOne(new Document("_id", "b").append("expiresAt", 9));

            assertThat(sessions.find(Filters.lt("expiresAt", 7)).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("a");
        }
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> sessions = client.getDatabase("casebook").getCollection("web_sessions");

            List<Document> indexes = sessions.listIndexes().into(new ArrayList<>());
            assertThat(indexes).anySatisfy(i -> {
                assertThat(i.getString("name")).isEqualTo("expires");
                assertThat(i.get("expireAfterSeconds", Number.class).longValue()).isZero();
            });
            assertThat(sessions.find(Filters.lt("expiresAt", 7)).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("a");
        }

        assertThat(logged.list).as("warnings about the index")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && e.getFormattedMessage().contains("index"));
        assertThat(logged.list).as("Casebook's line, at the creation and at the restart")
                .filteredOn(e -> e.getLoggerName().equals(TunedH2Backend.class.getName())
                                 && e.getFormattedMessage().contains("index expires on web_sessions"))
                .hasSize(2);
    }
}
