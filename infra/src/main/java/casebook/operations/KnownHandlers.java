package casebook.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

/**
 * One projection's handlers as the replay processor asks about them ({@link ReplayProcessor}), with the answers that
 * cannot change during a replay remembered: whether they support a reset, and whether they handle a payload type at
 * all. Axon asks both for every event, several times (the coordinator for every segment, the worker again before it
 * dispatches), and each answer walks the handlers' annotations through streams: at a million events a twentieth of
 * the rebuild's CPU samples were {@code supportsReset} alone (ADR 0023).
 * <p>
 * Only a type no handler takes is answered without the handlers: for a type they take, the handlers still decide, with
 * the event's segment, exactly as before. Everything else is the handlers' own.
 */
final class KnownHandlers implements EventHandlerInvoker {

    private final EventHandlerInvoker handlers;
    private final boolean supportsReset;
    private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();

    KnownHandlers(EventHandlerInvoker handlers) {
        this.handlers = handlers;
        this.supportsReset = handlers.supportsReset();
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        return canHandleType(event.getPayloadType()) && handlers.canHandle(event, segment);
    }

    /** A handler that takes none of a type's events takes none of its messages: Axon's coordinator relies on it too. */
    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return payloadType == null ? handlers.canHandleType(null)
                : handledTypes.computeIfAbsent(payloadType, handlers::canHandleType);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        handlers.handle(message, segment);
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }

    @Override
    public void performReset() {
        handlers.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        handlers.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        handlers.segmentReleased(segment);
    }
}
