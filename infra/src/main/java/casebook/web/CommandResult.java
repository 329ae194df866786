package casebook.web;

/**
 * The answer to every successful command: the case id and its version (the aggregate's last sequence
 * number), plus the id of an item the command created inside the case, where it did.
 */
public record CommandResult(String id, long version, String itemId, String decisionId, String findingId,
                            String outputId, String advisorId) {

    public static CommandResult of(String id, long version) {
        return new CommandResult(id, version, null, null, null, null, null);
    }
}
