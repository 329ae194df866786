package casebook.web;

import java.util.List;

/**
 * The answer to every successful command: the case id and its version (the aggregate's last sequence
 * number), plus the id of an item the command created inside the case, where it did.
 */
public record CommandResult(String id, long version, String itemId, String decisionId, String findingId,
                            String outputId, String advisorId, String procedureId, List<String> warnings) {

    public CommandResult(String id, long version, String itemId, String decisionId, String findingId, String outputId,
                         String advisorId) {
        this(id, version, itemId, decisionId, findingId, outputId, advisorId, null, null);
    }

    /** The answer to opening a grant procedure names it. */
    public CommandResult withProcedure(String procedureId) {
        return new CommandResult(id, version, itemId, decisionId, findingId, outputId, advisorId, procedureId, warnings);
    }

    public static CommandResult of(String id, long version) {
        return new CommandResult(id, version, null, null, null, null, null);
    }

    /** The command succeeded but something deserves attention, e.g. a per-bureau limit is now exceeded. */
    public CommandResult withWarnings(List<String> messages) {
        return new CommandResult(id, version, itemId, decisionId, findingId, outputId, advisorId, procedureId,
                messages.isEmpty() ? null : List.copyOf(messages));
    }
}
