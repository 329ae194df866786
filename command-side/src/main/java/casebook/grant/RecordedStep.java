package casebook.grant;

import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import java.time.LocalDate;

/**
 * What the rules need of one recorded step: when it happened and its amount, as corrected. Notice numbers, documents
 * and notes live in the projections.
 *
 * @param seq sequence number of the GrantStepRecorded event, by which a correction names it
 */
record RecordedStep(long seq, GrantStep step, LocalDate on, Long amount) {

    RecordedStep corrected(GrantCorrectedFields f) {
        return new RecordedStep(seq, step, f.on() != null ? f.on() : on, f.amount() != null ? f.amount() : amount);
    }
}
