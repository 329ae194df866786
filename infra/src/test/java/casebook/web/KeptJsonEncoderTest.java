package casebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.engagement.query.DecisionView;
import casebook.kernel.engagement.query.MatrixColumn;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.query.DeadlineItem;
import casebook.kernel.grant.query.GrantStepStatus;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/**
 * Answers sent again unchanged are written once, and so are the elements that list answers made afresh share with
 * lists sent before (the same objects, as the deadline board's windows are); everything else is written by Jackson
 * every time.
 */
class KeptJsonEncoderTest {

    /** Not a query answer: an infrastructure record may hold live state. */
    record Status(String state) {
    }

    private final AtomicInteger written = new AtomicInteger();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(MatrixColumn.class, counting(c -> Map.of("key", c.key(), "label", c.label())))
            .addSerializer(DecisionView.class, counting(d -> Map.of("decisionId", d.decisionId())))
            .addSerializer(Status.class, counting(s -> Map.of("state", s.state()))));
    private final EncodedElements elements = new EncodedElements(64 * 1024, 1 << 20); // first sightings: no two share a slot
    private final KeptJsonEncoder encoder = new KeptJsonEncoder(mapper, new EncodedAnswers(64 * 1024, 100), elements);

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
    void aNewListOfElementsSentBeforeIsWrittenFromTheirJson() throws Exception {
        List<MatrixColumn> board = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            board.add(new MatrixColumn("M" + i, "列" + i));
        }
        List<MatrixColumn> later = new ArrayList<>(board.subList(3, 10));
        List<MatrixColumn> reordered = List.of(board.get(9), board.get(0));
        String expectedLater = mapper.writeValueAsString(later);
        String expectedReordered = mapper.writeValueAsString(reordered);
        encode(board.subList(0, 6));
        encode(board.subList(0, 6));
        written.set(0);

        assertThat(encode(later)).isEqualTo(expectedLater);
        assertThat(written).as("only the four elements not sent before").hasValue(4);
        assertThat(encode(reordered)).as("another list, another order").isEqualTo(expectedReordered);
        assertThat(written).as("the ninth sent once before, so written once more; the first kept").hasValue(5);
    }

    @Test
    void equalElementsThatAreNotTheSameObjectsAreWrittenAgain() throws Exception {
        String expected = mapper.writeValueAsString(List.of(m05));
        encode(List.of(m05));
        encode(List.of(m05));
        written.set(0);

        for (int i = 0; i < 3; i++) {
            assertThat(encode(List.of(new MatrixColumn("M0_5", "0.5mtg")))).isEqualTo(expected);
        }
        assertThat(written).as("an equal element made afresh is written every time: looked up by identity alone")
                .hasValue(3);
    }

    @Test
    void elementsMadeAfreshForEveryAnswerDoNotFillTheSpace() {
        for (int answer = 0; answer < 5; answer++) {
            List<MatrixColumn> fresh = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                fresh.add(new MatrixColumn("M" + i, "列" + i));
            }
            encode(fresh);
        }
        assertThat(written).hasValue(500);
        assertThat(elements.size()).as("each element sent once: none kept").isZero();
    }

    @Test
    void aListOfElementsOfSeveralClassesIsWrittenWhole() throws Exception {
        List<Record> mixed = List.of(m05, new DecisionView("d-1", "M0_5", LocalDate.of(2025, 5, 1), "方針決定"));
        String expected = mapper.writeValueAsString(mixed);
        written.set(0);

        assertThat(encode(mixed)).isEqualTo(expected);
        assertThat(encode(new ArrayList<>(mixed))).isEqualTo(expected);
        assertThat(written).as("written whole twice, then kept whole").hasValue(4);
        assertThat(elements.size()).isZero();
    }

    @Test
    void aBoardWrittenFromItsElementsIsByteForByteWhatJacksonWritesOfTheWholeList() throws Exception {
        ObjectMapper spring = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        EncodedElements items = new EncodedElements(1024 * 1024, 1 << 20);
        KeptJsonEncoder boards = new KeptJsonEncoder(spring, new EncodedAnswers(1024 * 1024, 100), items);
        List<DeadlineItem> board = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            board.add(item(i, i % 3 == 0 ? null : LocalDate.of(2025, 6, 1 + i % 28)));
        }
        for (int window = 0; window < 5; window++) {
            List<DeadlineItem> asked = new ArrayList<>(board.subList(window * 5, window * 5 + 30)); // a run, as per request
            assertThat(encode(boards, asked)).isEqualTo(spring.writeValueAsString(asked));
        }
        // Items 5-44 are in two windows or more; one sharing a slot of the first sightings with another may be missed.
        assertThat(items.size()).as("the items the windows share").isBetween(38, 40);
    }

    private static DeadlineItem item(int i, LocalDate dueBy) {
        ProcedureKind kind = ProcedureKind.values()[i % ProcedureKind.values().length];
        GrantStep step = kind.steps().get(i % kind.steps().size());
        return new DeadlineItem("case-" + i, GrantType.values()[0], "交付金", "市" + i, "01100" + i % 10, "hokkaido",
                2025, String.valueOf(i), kind, kind.label(), 1 + i % 2, step, "段階" + i, dueBy == null ? "6月上旬" : null,
                dueBy, i % 2 == 0, i % 2 == 0 ? LocalDate.of(2025, 5, 20) : null, false,
                i % 2 == 0 ? GrantStepStatus.DONE : GrantStepStatus.PLANNED);
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
    void elementsBeyondTheirSpaceAreWrittenAgainAndTheAnswerStaysWhole() throws Exception {
        List<MatrixColumn> large = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            large.add(new MatrixColumn("M" + i, "a label long enough to take some room " + i));
        }
        String expected = mapper.writeValueAsString(large);
        for (int i = 0; i < 3; i++) {
            assertThat(encode(large)).isEqualTo(expected);
        }
        // 2,000 elements of some 60 bytes are twice the 64 KB kept: least recently used out, so some are written again.
        assertThat(written.get()).isGreaterThan(2_000);
        assertThat(elements.size()).isLessThan(2_000);
    }

    private String encode(Object value) {
        return encode(value, Map.of());
    }

    private String encode(KeptJsonEncoder encoder, Object value) {
        DataBuffer buffer = encoder.encodeValue(value, DefaultDataBufferFactory.sharedInstance,
                ResolvableType.forInstance(value), MediaType.APPLICATION_JSON, Map.of());
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            DataBufferUtils.release(buffer);
        }
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
