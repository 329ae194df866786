package casebook.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.query.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The aggregates refuse these histories today, which is exactly why an auditor checks the stored record:
 * events written by an older version, imported, or tampered with. Each rule finds its violation.
 */
class ControlChecksTest {

    private final List<TimelineEntry> timeline = new ArrayList<>();

    private void event(String type, String actor, Map<String, Object> payload) {
        timeline.add(new TimelineEntry("case", CaseType.GRANT_CASE, timeline.size(), type, type, LocalDate.of(2026, 3, 1),
                Instant.parse("2026-03-01T00:00:00Z"), actor, "CASE_OFFICER", "c", payload, List.of(), false, null, null));
    }

    private ControlChecks run() {
        ControlChecks checks = new ControlChecks();
        checks.check("case", timeline);
        return checks;
    }

    @Test
    void aDecisionWithoutAuthorityAndAboveItAndByTheReviewerAreFound() {
        event("GrantStepRecorded", "officer", Map.of("procedureId", "p1", "step", "REVIEWED"));
        event("GrantStepRecorded", "officer", Map.of("procedureId", "p1", "step", "DECISION_APPROVED", "amount", 5));
        event("GrantStepRecorded", "officer", Map.of("procedureId", "p2", "step", "EXPENDITURE_AUTHORITY_RECEIVED", "amount", 100));
        event("GrantStepRecorded", "boss", Map.of("procedureId", "p2", "step", "DECISION_APPROVED", "amount", 101));
        ControlChecks checks = run();
        assertThat(checks.violations.get(ControlChecks.DECISION_AFTER_AUTHORITY)).extracting(ControlReport.Violation::seq)
                .containsExactly(1L);
        assertThat(checks.violations.get(ControlChecks.DECISION_WITHIN_AUTHORISED)).extracting(ControlReport.Violation::seq)
                .containsExactly(3L);
        assertThat(checks.violations.get(ControlChecks.REVIEWER_NOT_APPROVER)).extracting(ControlReport.Violation::seq)
                .containsExactly(1L);
        assertThat(checks.checked.get(ControlChecks.DECISION_AFTER_AUTHORITY)[0]).isEqualTo(2);
    }

    @Test
    void aMilestoneHeldOutOfOrderWithoutASkipAndACorrectionWithoutAReasonAreFound() {
        event("EngagementRegistered", "officer", Map.of("programme", "KASOKUKA"));
        event("MilestoneHeld", "officer", Map.of("milestone", "M0_5"));
        event("MilestoneSkipped", "boss", Map.of("milestone", "VISIT_1", "reason", "台風のため"));
        event("MilestoneHeld", "officer", Map.of("milestone", "M1_5"));
        event("MilestoneHeld", "officer", Map.of("milestone", "M2_5"));
        event("EngagementRecordCorrected", "officer", Map.of("correctsEvent", 1, "reason", " "));
        ControlChecks checks = run();
        assertThat(checks.violations.get(ControlChecks.MILESTONES_IN_ORDER)).extracting(ControlReport.Violation::seq)
                .containsExactly(4L);
        assertThat(checks.violations.get(ControlChecks.CORRECTIONS_WITH_REASON)).extracting(ControlReport.Violation::seq)
                .containsExactly(5L);
    }

    @Test
    void aCleanHistoryPasses() {
        event("GrantStepRecorded", "officer", Map.of("procedureId", "p1", "step", "REVIEWED"));
        event("GrantStepRecorded", "officer", Map.of("procedureId", "p1", "step", "EXPENDITURE_AUTHORITY_RECEIVED", "amount", 100));
        event("GrantStepRecorded", "boss", Map.of("procedureId", "p1", "step", "DECISION_APPROVED", "amount", 100));
        assertThat(run().violations).isEmpty();
    }
}
