package casebook.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON string (value or key) holding a control character other than tab, line feed and carriage return. */
public final class ControlCharacterException extends InvalidFormatException {

    public static final String MESSAGE = "control characters are not allowed";

    ControlCharacterException(JsonParser parser) {
        // The offending value is not echoed: it may be huge or contain the very characters refused.
        super(parser, MESSAGE, null, String.class);
    }
}
