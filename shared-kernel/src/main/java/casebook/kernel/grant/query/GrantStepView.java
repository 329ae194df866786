package casebook.kernel.grant.query;

import casebook.kernel.grant.GrantStep;
import java.time.LocalDate;
import java.util.List;

/**
 * One step of a procedure, in the order of its kind: the plan, and what was recorded (the latest recording's
 * date, notice number and note; the amount of the latest recording, or the sum of all for payments and refunds
 * received). {@code outstanding}: not recorded and still expected. {@code status} is worked out when the case
 * is read (null as stored).
 */
public record GrantStepView(GrantStep step, String label, PlannedView planned, LocalDate recordedOn, Long amount,
                            String noticeNo, List<String> documents, String note, List<StepRecording> recordings,
                            boolean outstanding, GrantStepStatus status) {
}
