package casebook.kernel;

/**
 * A command the domain refuses. The HTTP layer maps each kind to a problem+json status, so the
 * aggregates can speak the domain's language without knowing about HTTP.
 */
public abstract class DomainRejection extends RuntimeException {

    /**
     * How a rejection reaches the client: invalid input (400), not permitted to this actor (403), unknown id (404) or
     * state conflict (409).
     */
    public enum Kind { INVALID_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String field;

    protected DomainRejection(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null when the rejection is about the case as a whole. */
    public String field() {
        return field;
    }
}
