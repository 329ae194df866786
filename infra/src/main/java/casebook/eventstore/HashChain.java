package casebook.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tamper evidence for each case: every stored event carries the hash of the case's previous event and its
 * own hash, SHA-256 over a canonical form of the previous hash, the case id, the sequence number, the
 * event type, occurredOn, recordedAt, the actor and the payload exactly as stored. Editing, deleting or
 * reordering an event breaks the chain at that position.
 */
public final class HashChain {

    /** The "previous hash" of a case's first event. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** The canonical form: one field per line, in a fixed order, so any verifier can recompute it. */
    public static String hash(String prevHash, String caseId, long seq, String type, String occurredOn, String recordedAt,
                              String actor, String payload) {
        String canonical = String.join("\n", prevHash, caseId, Long.toString(seq), nullToEmpty(type), nullToEmpty(occurredOn),
                nullToEmpty(recordedAt), nullToEmpty(actor), nullToEmpty(payload));
        return sha256(canonical);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
