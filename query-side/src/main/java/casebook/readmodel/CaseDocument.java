package casebook.readmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One case's read-model document, {@code {_id, version, view, corrections}}. The whole view sits in one field because
 * the embedded server swaps top-level fields one by one on update: a reader then gets an old or a new view, never
 * half of each. {@code corrections} (where the read model keeps them) maps the seq of each recording a correction may
 * name to what it recorded.
 *
 * @param version the seq of the last event applied: a guarded replace compares it ({@link CaseDocuments})
 */
@JsonPropertyOrder({"_id", "version", "view", "corrections"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDocument<V, C>(@JsonProperty("_id") String id, long version, V view, C corrections) {
}
