package casebook.web;

import java.util.List;

/**
 * The answer to every successful command: the case id and its version (the aggregate's last sequence
 * number), plus the id of an item the command created inside the case, where it did.
 */
public record CommandResult(String id, long version, String itemId, String decisionId, String findingId,
                            String outputId, String advisorId, List<String> warnings) {

    public CommandResult(String id, long version, String itemId, String decisionId, String findingId, String outputId,
                         String advisorId) {
        this(id, version, itemId, decisionId, findingId, outputId, advisorId, null);
    }

    public static CommandResult of(String id, long version) {
        return new CommandResult(id, version, null, null, null, null, null);
    }

    /** The command succeeded but something deserves attention, e.g. a per-bureau limit is now exceeded. */
    public CommandResult withWarnings(List<String> messages) {
        return new CommandResult(id, version, itemId, decisionId, findingId, outputId, advisorId,
                messages.isEmpty() ? null : List.copyOf(messages));
    }
}
