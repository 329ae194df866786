package casebook.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.Jackson2CodecSupport;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.util.MimeType;

/**
 * Spring's JSON encoder, answering an answer sent before unchanged with the JSON written then ({@link EncodedAnswers}).
 * Plain JSON in UTF-8 only, without a JSON view: anything else is written as Spring would.
 */
final class KeptJsonEncoder extends Jackson2JsonEncoder {

    private final EncodedAnswers answers;

    KeptJsonEncoder(ObjectMapper mapper, EncodedAnswers answers) {
        super(mapper);
        this.answers = answers;
    }

    @Override
    public DataBuffer encodeValue(Object value, DataBufferFactory bufferFactory, ResolvableType valueType,
                                  MimeType mimeType, Map<String, Object> hints) {
        EncodedAnswers.Key key = plainJson(mimeType, hints) ? EncodedAnswers.Key.of(value) : null;
        if (key == null) {
            return super.encodeValue(value, bufferFactory, valueType, mimeType, hints);
        }
        byte[] json = answers.json(key, () -> {
            DataBuffer written = super.encodeValue(value, bufferFactory, valueType, mimeType, hints);
            try {
                byte[] bytes = new byte[written.readableByteCount()];
                written.read(bytes);
                return bytes;
            } finally {
                DataBufferUtils.release(written);
            }
        });
        // Wrapped, not copied: nobody writes into an answer's buffer.
        return bufferFactory.wrap(json);
    }

    private static boolean plainJson(MimeType mimeType, Map<String, Object> hints) {
        boolean json = mimeType == null || (MediaType.APPLICATION_JSON.isCompatibleWith(mimeType)
                && (mimeType.getCharset() == null || StandardCharsets.UTF_8.equals(mimeType.getCharset())));
        return json && (hints == null || !hints.containsKey(Jackson2CodecSupport.JSON_VIEW_HINT));
    }
}
