package casebook.kernel.audit.asof;

import casebook.kernel.audit.CaseType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as of an instant or a business date: {@code state} is the case's view (EngagementView, GrantCaseView,
 * InquiryView or ConsultationView, the same shapes as the case's own endpoint), or null when nothing of the case was
 * known then. {@code eventsApplied} counts the events folded into it and {@code lastSeq} is the last of them.
 */
public record CaseState(String caseId, CaseType caseType, Instant asOfRecorded, LocalDate asOfOccurred,
                        int eventsApplied, Long lastSeq, Object state) {
}
