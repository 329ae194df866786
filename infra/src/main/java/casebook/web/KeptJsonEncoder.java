package casebook.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.EncodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.Jackson2CodecSupport;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.util.MimeType;

/**
 * Spring's JSON encoder, answering an answer sent before unchanged with the JSON written then ({@link EncodedAnswers}),
 * and a list of answers not sent before with the JSON of its elements, each written once ({@link EncodedElements}).
 * Plain JSON in UTF-8 only, without a JSON view: anything else is written as Spring would.
 */
final class KeptJsonEncoder extends Jackson2JsonEncoder {

    private final EncodedAnswers answers;
    private final EncodedElements elements;
    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

    KeptJsonEncoder(ObjectMapper mapper, EncodedAnswers answers, EncodedElements elements) {
        super(mapper);
        this.answers = answers;
        this.elements = elements;
    }

    @Override
    public DataBuffer encodeValue(Object value, DataBufferFactory bufferFactory, ResolvableType valueType,
                                  MimeType mimeType, Map<String, Object> hints) {
        EncodedAnswers.Key key = plainJson(mimeType, hints) ? EncodedAnswers.Key.of(value) : null;
        if (key == null) {
            return super.encodeValue(value, bufferFactory, valueType, mimeType, hints);
        }
        byte[] json = answers.json(key, () -> value instanceof List<?> list && ofOneClass(list)
                ? elements.array(list, this::element)
                : whole(value, bufferFactory, valueType, mimeType, hints));
        // Wrapped, not copied: nobody writes into an answer's buffer.
        return bufferFactory.wrap(json);
    }

    private byte[] whole(Object value, DataBufferFactory bufferFactory, ResolvableType valueType, MimeType mimeType,
                         Map<String, Object> hints) {
        DataBuffer written = super.encodeValue(value, bufferFactory, valueType, mimeType, hints);
        try {
            byte[] bytes = new byte[written.readableByteCount()];
            written.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(written);
        }
    }

    /** One element as the list's serializer writes it: the elements are of one record class, without type ids. */
    private byte[] element(Object value) {
        try {
            return writers.computeIfAbsent(value.getClass(), type -> getObjectMapper().writerFor(type))
                    .writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new EncodingException("JSON encoding error: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean ofOneClass(List<?> list) {
        Class<?> type = list.get(0).getClass();
        for (Object element : list) {
            if (element.getClass() != type) {
                return false;
            }
        }
        return true;
    }

    private static boolean plainJson(MimeType mimeType, Map<String, Object> hints) {
        boolean json = mimeType == null || (MediaType.APPLICATION_JSON.isCompatibleWith(mimeType)
                && (mimeType.getCharset() == null || StandardCharsets.UTF_8.equals(mimeType.getCharset())));
        return json && (hints == null || !hints.containsKey(Jackson2CodecSupport.JSON_VIEW_HINT));
    }
}
