package casebook.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hardening of the JSON the API reads: every string, as a value or as a key, is refused with a
 * {@link ControlCharacterException} when it holds a control character (U+0000–U+001F other than tab, line
 * feed and carriage return, and U+007F); a string field takes only a JSON string, never a number, boolean,
 * object or array coerced into one. ProblemHandler answers 400 naming the field. Composes with the other
 * customizers (e.g. the {@code HH:mm} times of JsonConfiguration): it only adds a module, which Spring Boot
 * installs like any other Module bean.
 */
@Configuration(proxyBeanMethods = false)
public class InputConfiguration {

    /** A Module bean: Spring Boot installs it in the application's ObjectMapper next to its own modules. */
    @Bean
    Module controlCharactersRefused() {
        SimpleModule module = new SimpleModule("casebook-input-hardening");
        module.addDeserializer(String.class, new CheckedStrings());
        module.addKeyDeserializer(String.class, new CheckedKeys());
        return module;
    }

    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    static final class CheckedStrings extends StdScalarDeserializer<String> {

        CheckedStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                // Text is text: no numbers, booleans, objects ({"$gt": ""}) or arrays coerced into a string.
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getText();
            if (value != null && hasControlCharacter(value)) {
                throw new ControlCharacterException(p);
            }
            return value;
        }
    }

    static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (key != null && hasControlCharacter(key)) {
                throw new ControlCharacterException(ctxt.getParser());
            }
            return key;
        }
    }
}
