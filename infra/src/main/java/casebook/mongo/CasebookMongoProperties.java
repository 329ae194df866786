package casebook.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param uri      {@code MONGODB_URI}; empty means the embedded server
 * @param database the database name
 * @param dataDir  the embedded server's file directory ({@code CASEBOOK_DATA_DIR}, default ./data)
 */
@ConfigurationProperties("casebook.mongodb")
public record CasebookMongoProperties(@DefaultValue("") String uri, @DefaultValue("casebook") String database,
                                      @DefaultValue("./data") String dataDir) {
}
