package casebook.readmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.Map;
import org.bson.Document;

/**
 * Read-model objects to and from the driver's {@link Document}s through Jackson's tree of maps: the list rows, which
 * are small and which the writers complete with an {@code _id} and queries read field by field. Dates as ISO
 * strings, nulls left out, decimals (the cap's growth rate) as their exact text rather than a double: the stored
 * form {@link BsonViews} writes too ({@code CaseDocumentsTest} holds the two to it).
 */
public final class DocumentViews {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private DocumentViews() {
    }

    public static Document toDocument(Object value) {
        return new Document(MAPPER.convertValue(value, MAP));
    }

    public static <T> T fromDocument(Map<String, Object> document, Class<T> type) {
        return document == null ? null : MAPPER.convertValue(document, type);
    }
}
