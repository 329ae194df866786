package casebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.engagement.query.MatrixColumn;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.Jackson2CodecSupport;

/** Answers sent again unchanged are written once; everything else is written by Jackson every time. */
class KeptJsonEncoderTest {

    /** Not a query answer: an infrastructure record may hold live state. */
    record Status(String state) {
    }

    private final AtomicInteger written = new AtomicInteger();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(MatrixColumn.class, counting(c -> Map.of("key", c.key(), "label", c.label())))
            .addSerializer(Status.class, counting(s -> Map.of("state", s.state()))));
    private final KeptJsonEncoder encoder = new KeptJsonEncoder(mapper, new EncodedAnswers(64 * 1024, 100));

    private final MatrixColumn m05 = new MatrixColumn("M0_5", "0.5mtg");
    private final MatrixColumn visit1 = new MatrixColumn("V1", "現地支援1");

    @Test
    void anAnswerSentAgainIsWrittenOnlyUntilItIsKept() throws Exception {
        List<MatrixColumn> answer = List.of(m05, visit1);
        String expected = mapper.writeValueAsString(answer);
        written.set(0);

        assertThat(encode(answer)).isEqualTo(expected);
        assertThat(encode(answer)).isEqualTo(expected);
        assertThat(written).as("written the first and second time, then kept").hasValue(4);

        assertThat(encode(answer)).isEqualTo(expected);
        assertThat(encode(new ArrayList<>(answer))).as("the same elements in a new list (the query bus copies lists)")
                .isEqualTo(expected);
        assertThat(written).hasValue(4);
    }

    @Test
    void equalRowsThatAreNotTheSameObjectsAreWrittenAgain() throws Exception {
        List<MatrixColumn> answer = List.of(m05);
        encode(answer);
        encode(answer);
        written.set(0);

        List<MatrixColumn> equal = List.of(new MatrixColumn("M0_5", "0.5mtg"));
        assertThat(encode(equal)).isEqualTo(mapper.writeValueAsString(equal));
        assertThat(encode(List.of(visit1, m05))).as("the same rows in another order")
                .isEqualTo(mapper.writeValueAsString(List.of(visit1, m05)));
        assertThat(written).hasValue(1 + 2 + 1 + 2);
    }

    @Test
    void whatIsNotAQueryAnswerIsWrittenEveryTime() {
        Status status = new Status("RUNNING");
        for (int i = 0; i < 3; i++) {
            assertThat(encode(status)).isEqualTo("{\"state\":\"RUNNING\"}");
        }
        assertThat(written).hasValue(3);
    }

    @Test
    void anAnswerAskedForInAJsonViewIsWrittenEveryTime() {
        for (int i = 0; i < 3; i++) {
            encode(m05, Map.of(Jackson2CodecSupport.JSON_VIEW_HINT, Object.class));
        }
        assertThat(written).hasValue(3);
    }

    @Test
    void anAnswerLargerThanAQuarterOfTheSpaceIsNotKept() {
        List<MatrixColumn> large = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            large.add(new MatrixColumn("M" + i, "a label long enough to take some room " + i));
        }
        for (int i = 0; i < 3; i++) {
            encode(large);
        }
        assertThat(written).hasValue(3 * 2_000);
    }

    private String encode(Object value) {
        return encode(value, Map.of());
    }

    private String encode(Object value, Map<String, Object> hints) {
        DataBuffer buffer = encoder.encodeValue(value, DefaultDataBufferFactory.sharedInstance,
                ResolvableType.forInstance(value), MediaType.APPLICATION_JSON, hints);
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private <T> JsonSerializer<T> counting(java.util.function.Function<T, Map<String, String>> fields) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                written.incrementAndGet();
                gen.writeStartObject();
                for (var field : new java.util.TreeMap<>(fields.apply(value)).entrySet()) {
                    gen.writeStringField(field.getKey(), field.getValue());
                }
                gen.writeEndObject();
            }
        };
    }
}
