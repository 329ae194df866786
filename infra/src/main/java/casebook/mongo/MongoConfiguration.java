package casebook.mongo;

import casebook.embedded.EmbeddedMongo;
import casebook.eventstore.Durability;
import casebook.eventstore.StoreDuringReplay;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.MongoCommandException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import java.nio.file.Path;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MongoDB holds everything. With {@code MONGODB_URI} set, Casebook uses that server (production: a
 * replica set, write concern majority, journaled). Without it, the embedded server starts in-process.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${casebook.mongodb.uri:}'.isEmpty()")
    EmbeddedMongo embeddedMongo(CasebookMongoProperties properties) {
        return EmbeddedMongo.start(Path.of(properties.dataDir()));
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(CasebookMongoProperties properties, ObjectProvider<EmbeddedMongo> embedded,
                            ObjectProvider<MeterRegistry> meters) {
        EmbeddedMongo local = embedded.getIfAvailable();
        String uri = local != null ? local.connectionString() : properties.uri();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToSocketSettings(s -> s.connectTimeout(10, TimeUnit.SECONDS))
                .applyToConnectionPoolSettings(p -> p.maxSize(64));
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            // Every operation timed by command and collection (mongodb_driver_commands_seconds), and the pool's use:
            // how many store operations a command or a projection batch costs, and where the store's time goes.
            settings.addCommandListener(new MongoMetricsCommandListener(registry))
                    .applyToConnectionPoolSettings(p -> p.addConnectionPoolListener(
                            new MongoMetricsConnectionPoolListener(registry)));
        }
        if (local == null) {
            // An acknowledged command must survive the loss of the primary: majority and journal.
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true)).readConcern(ReadConcern.MAJORITY);
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, CasebookMongoProperties properties) {
        return client.getDatabase(properties.database());
    }

    /**
     * The embedded store's commits, which every server operation waits for while they hold the store (ADR 0003; a
     * durable append's commit only while it takes its snapshot, ADR 0025): their count, the seconds they held the
     * store, the seconds they waited for running operations first and the seconds a durable append's commit then
     * wrote beside operations (the append waits for those too). Holding is an eighth of a rebuild's wall time
     * (docs/PERFORMANCE.md, twenty-seventh session). Nothing on a real MongoDB.
     */
    @Bean
    MeterBinder embeddedStoreCommits(ObjectProvider<EmbeddedMongo> embedded) {
        return registry -> {
            EmbeddedMongo local = embedded.getIfAvailable();
            if (local == null) {
                return;
            }
            FunctionCounter.builder("casebook.embedded.commits", local, m -> m.commits().count())
                    .description("Commits of the embedded store").register(registry);
            FunctionCounter.builder("casebook.embedded.commit.holding", local, m -> m.commits().holdingSeconds())
                    .baseUnit("seconds").description("Time the embedded store's commits held it (no operation ran)")
                    .register(registry);
            FunctionCounter.builder("casebook.embedded.commit.waiting", local, m -> m.commits().waitingSeconds())
                    .baseUnit("seconds").description("Time the embedded store's commits waited for running operations")
                    .register(registry);
            FunctionCounter.builder("casebook.embedded.commit.writing", local, m -> m.commits().writingSeconds())
                    .baseUnit("seconds").description("Time the embedded store's durable commits wrote beside running operations")
                    .register(registry);
        };
    }

    /** The embedded store in this process eases its own work while the whole log is replayed (ADR 0023). */
    @Bean
    StoreDuringReplay storeDuringReplay(ObjectProvider<EmbeddedMongo> embedded) {
        EmbeddedMongo local = embedded.getIfAvailable();
        return local != null ? local::replayStarts : StoreDuringReplay.UNCHANGED;
    }

    /**
     * In-process, the embedded store is committed directly. A standalone embedded server (another process, see
     * casebook.embedded.StandaloneServer) is asked to commit by its durable-commit command; a real MongoDB does not
     * know that command and makes each write durable by its write concern instead.
     */
    @Bean
    Durability durability(ObjectProvider<EmbeddedMongo> embedded, MongoDatabase database) {
        EmbeddedMongo local = embedded.getIfAvailable();
        if (local != null) {
            return local.durability();
        }
        Document commit = new Document(EmbeddedMongo.DURABLE_COMMIT, 1);
        try {
            database.runCommand(commit);
        } catch (MongoCommandException e) {
            return Durability.WRITE_CONCERN;
        }
        log.info("MONGODB_URI names a standalone embedded server: acknowledged commands are committed to its file first");
        return () -> database.runCommand(commit);
    }
}
