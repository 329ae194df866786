package casebook.asof;

import casebook.kernel.audit.asof.FieldChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field-level differences between two views of a case, on their JSON trees: dates as ISO strings and times as
 * {@code HH:mm} (as the API writes them). Objects are compared field by field, lists element by element by index;
 * a field or element that appears or goes is compared with nothing, so every change names a single value
 * ({@code milestones[0].heldOn}). Absent and null are the same. The bookkeeping fields {@code version} and
 * {@code lastRecordedAt} of the case are left out.
 */
final class ViewDiff {

    static final Set<String> IGNORED = Set.of("version", "lastRecordedAt");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(LocalTime.class,
                    new LocalTimeSerializer(DateTimeFormatter.ofPattern("HH:mm"))))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private ViewDiff() {
    }

    static List<FieldChange> diff(Object before, Object after) {
        return diffTrees(tree(before), tree(after));
    }

    /** The same on views already turned into trees (see {@link #tree}), so a step-through converts each view once. */
    static List<FieldChange> diffTrees(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        diff("", before, after, changes);
        return changes;
    }

    static JsonNode tree(Object view) {
        return view == null ? null : MAPPER.valueToTree(view);
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        JsonNode b = absent(before) ? null : before;
        JsonNode a = absent(after) ? null : after;
        if (b == null && a == null || b != null && b.equals(a)) {
            return;
        }
        if ((b == null || b.isObject()) && (a == null || a.isObject())) {
            Set<String> names = new LinkedHashSet<>();
            if (b != null) {
                b.fieldNames().forEachRemaining(names::add);
            }
            if (a != null) {
                a.fieldNames().forEachRemaining(names::add);
            }
            for (String name : names) {
                if (path.isEmpty() && IGNORED.contains(name)) {
                    continue;
                }
                diff(path.isEmpty() ? name : path + "." + name, b == null ? null : b.get(name),
                        a == null ? null : a.get(name), changes);
            }
        } else if ((b == null || b.isArray()) && (a == null || a.isArray())) {
            int size = Math.max(b == null ? 0 : b.size(), a == null ? 0 : a.size());
            for (int i = 0; i < size; i++) {
                diff(path + "[" + i + "]", b == null ? null : b.get(i), a == null ? null : a.get(i), changes);
            }
        } else {
            changes.add(new FieldChange(path, plain(b), plain(a)));
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** A JSON value as plain Java (String, Number, Boolean, Map, List), which any serialiser writes back the same. */
    private static Object plain(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return MAPPER.treeToValue(node, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
