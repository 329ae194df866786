package casebook.kernel;

/**
 * The case's own rules do not let this actor do this (a role decides it, but only the case knows, e.g. who recorded
 * the event being corrected). The HTTP layer's role table cannot see that far, so the aggregate refuses.
 */
public class NotPermitted extends DomainRejection {
    public NotPermitted(String field, String message) {
        super(Kind.FORBIDDEN, field, message);
    }
}
