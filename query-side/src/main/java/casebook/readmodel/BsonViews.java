package casebook.readmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.undercouch.bson4jackson.BsonFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.bson.ByteBuf;
import org.bson.RawBsonDocument;

/**
 * Read-model objects written straight to BSON bytes and read straight from them by Jackson: no tree of maps between
 * the object and the driver. The stored form is the one {@link DocumentViews} (Jackson through a {@code Map}) writes
 * and the case documents always had: dates as ISO strings, nulls left out, decimals (the cap's growth rate) as their
 * exact text, properties not known to the class passed over; so a document written either way reads back either way.
 *
 * <p>Why: a projection used to turn a case into a map tree, the driver that tree into bytes, and on the way back the
 * driver bytes into a {@code Document} and Jackson that into the case: two full copies of every case document on each
 * write and each read, the largest share of the application's allocation under commands (ADR 0026).
 */
public final class BsonViews {

    private static final ObjectMapper MAPPER = new ObjectMapper(new BsonFactory())
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(BigDecimal.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private BsonViews() {
    }

    /** The BSON document of {@code value}, which Jackson must see as an object (a class or a map). */
    public static RawBsonDocument write(Object value) {
        try {
            return new RawBsonDocument(MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as BSON", e);
        }
    }

    /**
     * {@code document} read as {@code type}. One that does not fit the type fails with an IllegalArgumentException
     * saying what did not fit and where, as Jackson's conversion of a map did.
     */
    public static <T> T read(RawBsonDocument document, JavaType type) {
        ByteBuf bytes = document.getByteBuffer();
        try {
            return MAPPER.readValue(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(), type);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + " (at " + e.getPathReference() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a BSON document: " + e.getMessage(), e);
        }
    }

    public static <T> T read(RawBsonDocument document, Class<T> type) {
        return read(document, type(type));
    }

    /** {@code value} as {@code type} reads it back from its stored form (a replay's view, as the read model's). */
    public static <T> T asStored(Object value, Class<T> type) {
        return value == null ? null : read(write(value), type);
    }

    public static JavaType type(Class<?> type) {
        return MAPPER.getTypeFactory().constructType(type);
    }

    public static JavaType mapOf(Class<?> values) {
        return MAPPER.getTypeFactory().constructMapType(Map.class, String.class, values);
    }

    public static JavaType parametric(Class<?> generic, JavaType... parameters) {
        return MAPPER.getTypeFactory().constructParametricType(generic, parameters);
    }
}
