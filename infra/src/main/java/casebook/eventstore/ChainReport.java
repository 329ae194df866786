package casebook.eventstore;

import java.util.List;

/**
 * What a verification found (CONTRACT.md "Audit"): every case and position where the stored events do not
 * match their hash chain or the chained digests of case heads.
 */
public record ChainReport(boolean ok, long casesChecked, long eventsChecked, long digestsChecked, List<Failure> failures) {

    /** One mismatch: the case, the sequence number (null for the whole case) and what is wrong. */
    public record Failure(String caseId, Long seq, String reason) {
    }
}
