package casebook.web.engagement;

import casebook.kernel.InvalidInput;
import casebook.kernel.engagement.CorrectedFields;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads a correction's free-form {@code fields} object into typed values, naming any bad field. */
@Component
class CorrectionFields {

    private final ObjectMapper mapper;

    CorrectionFields(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** No fields (absent or {}) is a correction that only records its reason against the event. */
    CorrectedFields parse(Map<String, Object> fields) {
        if (fields == null || fields.isEmpty()) {
            return CorrectedFields.none();
        }
        try {
            return mapper.convertValue(fields, CorrectedFields.class);
        } catch (IllegalArgumentException e) {
            String path = e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                               .collect(Collectors.joining("."))
                    : "";
            throw new InvalidInput(path.isEmpty() ? "fields" : "fields." + path,
                    path.isEmpty() ? "fields could not be read" : "unknown field or wrong type");
        }
    }
}
