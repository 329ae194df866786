package casebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

/** The replay asks each projection's handlers what cannot change once, and everything else as before. */
class KnownHandlersTest {

    record Handled(String caseId) {
    }

    record Ignored(String caseId) {
    }

    /** Handlers of {@link Handled} only, in the segment whose mask matches the case id's hash; counting questions. */
    static final class Projection implements EventHandlerInvoker {
        int resetQuestions;
        int typeQuestions;
        int eventQuestions;
        int resets;
        final List<Object> handled = new ArrayList<>();

        @Override
        public boolean canHandle(EventMessage<?> event, Segment segment) {
            eventQuestions++;
            return event.getPayload() instanceof Handled h && segment.matches(h.caseId().hashCode());
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            typeQuestions++;
            return payloadType == Handled.class;
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
            handled.add(message.getPayload());
        }

        @Override
        public boolean supportsReset() {
            resetQuestions++;
            return true;
        }

        @Override
        public void performReset() {
            resets++;
        }

        @Override
        public <R> void performReset(R resetContext) {
            resets++;
        }
    }

    private final Projection projection = new Projection();
    private final KnownHandlers known = new KnownHandlers(projection);
    private final Segment[] halves = Segment.ROOT_SEGMENT.split();

    @Test
    void remembersWhetherTheHandlersSupportAResetAndWhichTypesTheyTake() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(known.supportsReset()).isTrue();
            assertThat(known.canHandle(GenericEventMessage.asEventMessage(new Ignored("c" + i)), halves[i % 2])).isFalse();
        }
        assertThat(projection.resetQuestions).isEqualTo(1);
        assertThat(projection.typeQuestions).isEqualTo(1);
        assertThat(projection.eventQuestions).as("an ignored type never reaches the handlers").isZero();
    }

    @Test
    void anEventOfAHandledTypeIsStillDecidedByTheHandlersWithItsSegment() {
        int taken = 0;
        for (int i = 0; i < 100; i++) {
            Handled payload = new Handled("case-" + i);
            EventMessage<?> event = GenericEventMessage.asEventMessage(payload);
            for (Segment half : halves) {
                boolean expected = half.matches(payload.caseId().hashCode());
                assertThat(known.canHandle(event, half)).isEqualTo(expected);
                taken += expected ? 1 : 0;
            }
        }
        assertThat(taken).as("each event in exactly one half").isEqualTo(100);
        assertThat(projection.eventQuestions).isEqualTo(200);
    }

    @Test
    void handlingAndResettingAreTheHandlersOwn() throws Exception {
        Handled payload = new Handled("case-1");
        known.handle(GenericEventMessage.asEventMessage(payload), Segment.ROOT_SEGMENT);
        assertThat(projection.handled).containsExactly(payload);
        known.performReset();
        known.performReset("a reset context");
        assertThat(projection.resets).isEqualTo(2);
    }

    @Test
    void theReplayAsksEachProcessingGroupsOwnHandlersOnceWhetherTheySupportAReset() throws Exception {
        Projection one = new Projection();
        Projection other = new Projection();
        EventHandlerInvoker replay = ReplayProcessor.handlersOf(List.of(
                new MultiEventHandlerInvoker(one), new MultiEventHandlerInvoker(other)));
        int taken = 0;
        for (int i = 0; i < 1_000; i++) {
            EventMessage<?> event = GenericEventMessage.asEventMessage(new Handled("case-" + i));
            for (Segment half : halves) {
                if (replay.canHandle(event, half)) {
                    replay.handle(event, half);
                    taken++;
                }
            }
        }
        assertThat(taken).as("each event in exactly one half").isEqualTo(1_000);
        assertThat(one.handled).hasSize(1_000);
        assertThat(other.handled).hasSize(1_000);
        assertThat(one.resetQuestions).isEqualTo(1);
        assertThat(other.resetQuestions).isEqualTo(1);
    }
}
