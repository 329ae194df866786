package casebook.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.bson.types.Binary;

/**
 * A read model's case state kept in one BSON binary field, as its JSON (ADR 0018). The state is only ever read and
 * written whole, by {@code _id}, so the database need not see inside it: the embedded server then copies, compares,
 * sizes and stores a few kilobytes of bytes per write instead of walking a tree of hundreds of fields, and Jackson
 * writes bytes directly instead of building a map for the driver to encode. Documents written before (the state as
 * a BSON sub-document) are still read, so an existing store needs no rebuild.
 */
public final class JsonField {

    private JsonField() {
    }

    public static Binary write(ObjectMapper mapper, Object value) {
        try {
            return new Binary(mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
        }
    }

    /** The state in {@code field}: JSON bytes, or a sub-document as written before ADR 0018; null if there is none. */
    public static <T> T read(ObjectMapper mapper, Object field, JavaType type) {
        if (field == null) {
            return null;
        }
        if (field instanceof Binary binary) {
            try {
                return mapper.readValue(binary.getData(), type);
            } catch (IOException ex) {
                throw new UncheckedIOException("stored " + type.getRawClass().getSimpleName() + " does not read", ex);
            }
        }
        if (field instanceof Map<?, ?> document) {
            return mapper.convertValue(document, type);
        }
        throw new IllegalStateException("stored " + type.getRawClass().getSimpleName() + " is neither JSON bytes nor a "
                + "document but " + field.getClass().getSimpleName());
    }
}
