package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A rebuild's reset drops collections that may not exist; the embedded server answers "ns not found" as before, which
 * the driver ignores, and no longer logs it as an ERROR with a stack trace. Real errors are still logged and answered.
 */
class SilentServerErrorsTest {

    @TempDir
    Path dir;

    private final Logger serverLog = (Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.wire");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        serverLog.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        serverLog.detachAppender(logged);
    }

    @Test
    void droppingACollectionThatDoesNotExistIsAnsweredAsBeforeWithoutAnErrorInTheLog() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("casebook");
            db.getCollection("never_created").drop(); // as Emptied does

            assertThatThrownBy(() -> db.runCommand(new Document("drop", "never_created")))
                    .isInstanceOf(MongoCommandException.class).hasMessageContaining("ns not found");

            db.getCollection("rows").insertOne(new Document("_id", 1));
            db.getCollection("rows").drop();
            assertThat(db.listCollectionNames()).doesNotContain("rows");

            assertThat(errors()).as("errors logged by the embedded server").isEmpty();
        }
    }

    @Test
    void anErrorWorthLoggingIsStillLoggedAndAnswered() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("casebook");
            db.getCollection("rows").insertOne(new Document("_id", 1));

            assertThatThrownBy(() -> db.getCollection("rows").insertOne(new Document("_id", 1)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> db.runCommand(new Document("noSuchCommand", 1)))
                    .isInstanceOf(MongoCommandException.class);

            assertThat(errors()).as("the unknown command logged").isNotEmpty();
        }
    }

    private java.util.List<ILoggingEvent> errors() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
    }
}
