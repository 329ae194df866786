package casebook.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Health shows whether the database answers (Spring's own Mongo indicator needs Spring Data). */
@Component("mongo")
class MongoHealth extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final CasebookMongoProperties properties;

    MongoHealth(MongoDatabase database, CasebookMongoProperties properties) {
        this.database = database;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName())
               .withDetail("mode", properties.uri().isBlank() ? "embedded" : "external");
    }
}
