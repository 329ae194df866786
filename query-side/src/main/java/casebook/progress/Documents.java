package casebook.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import org.bson.Document;

/** Read-model objects to and from BSON documents through Jackson: dates as ISO strings, nulls left out. */
final class Documents {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Documents() {
    }

    static Document toDocument(Object value) {
        return new Document(MAPPER.convertValue(value, MAP));
    }

    static <T> T fromDocument(Map<String, Object> document, Class<T> type) {
        return document == null ? null : MAPPER.convertValue(document, type);
    }

    static <T> T fromDocument(Map<String, Object> document, TypeReference<T> type) {
        return document == null ? null : MAPPER.convertValue(document, type);
    }
}
