package casebook.kernel.audit;

/**
 * Keys of the metadata every command and event carries. The actor comes from the authenticated
 * principal (never from a request body); the correlation id ties the events of one request together.
 */
public final class MetaDataKeys {
    /** The authenticated user who sent the command, e.g. {@code officer-kyushu}. */
    public static final String ACTOR = "actor";
    /** The actor's role at the time: CASE_OFFICER, SUPERVISOR, AUDITOR, ADMIN or SYSTEM. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The bureau the actor works for ({@code kyushu}), or {@code *} for all. */
    public static final String ACTOR_BUREAU = "actorBureau";
    /** Ties together everything one request caused. */
    public static final String CORRELATION_ID = "correlationId";

    private MetaDataKeys() {
    }
}
