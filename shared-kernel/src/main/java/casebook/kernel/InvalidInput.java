package casebook.kernel;

/** A value that the domain cannot accept, named by the field that carried it. */
public class InvalidInput extends DomainRejection {
    public InvalidInput(String field, String message) {
        super(Kind.INVALID_INPUT, field, message);
    }
}
