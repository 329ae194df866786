package casebook.kernel;

/** The case is not in a state that allows the command (e.g. a milestone held out of order). */
public class StateConflict extends DomainRejection {
    public StateConflict(String message) {
        super(Kind.CONFLICT, null, message);
    }

    public StateConflict(String field, String message) {
        super(Kind.CONFLICT, field, message);
    }
}
