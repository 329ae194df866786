package casebook.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Snapshots store the aggregate's fields directly: aggregates keep private state without accessors,
 * which a getter-based mapper would silently drop.
 */
final class SnapshotSerializer {

    private SnapshotSerializer() {
    }

    static Serializer create() {
        var mapper = AxonConfiguration.messageMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
