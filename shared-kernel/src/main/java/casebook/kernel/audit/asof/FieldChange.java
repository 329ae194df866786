package casebook.kernel.audit.asof;

/**
 * One field of a case's view that an event changed: {@code path} such as {@code milestones[0].heldOn}, and the JSON
 * values before and after (null when absent).
 */
public record FieldChange(String path, Object before, Object after) {
}
