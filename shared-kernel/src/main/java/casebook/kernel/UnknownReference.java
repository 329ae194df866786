package casebook.kernel;

/** A command names something inside a case that does not exist (a homework item, an event to correct). */
public class UnknownReference extends DomainRejection {
    public UnknownReference(String field, String message) {
        super(Kind.NOT_FOUND, field, message);
    }
}
