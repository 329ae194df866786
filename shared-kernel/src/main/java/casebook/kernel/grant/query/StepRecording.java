package casebook.kernel.grant.query;

import java.time.LocalDate;
import java.util.List;

/**
 * One recording of a step (a step may be recorded more than once, e.g. payments in parts), as corrected:
 * {@code seq} is the recording event's sequence number, {@code correctedBy} those of the corrections applied.
 */
public record StepRecording(long seq, LocalDate on, Long amount, String noticeNo, List<String> documents, String note,
                            List<Long> correctedBy) {
}
