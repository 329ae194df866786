package casebook.grantwork;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.query.AmountTrail;
import casebook.kernel.grant.query.GrantCaseView;
import casebook.kernel.grant.query.PlannedView;
import casebook.kernel.grant.query.WaitingFor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mutable twin of {@link GrantCaseView}, with the same field names, so that an event is applied in memory and
 * the result stored as the view in one write. Step statuses are left out: they depend on the day it is read.
 */
final class GrantCase {
    public String id;
    public GrantType grantType;
    public String grantTypeLabel;
    public RecipientKind recipientKind;
    public String recipientKindLabel;
    public String recipientCode;
    public String recipientName;
    public String prefectureCode;
    public String bureauCode;
    public int targetFiscalYear;
    public String targetFiscalYearLabel;
    public LocalDate openedOn;
    public List<Procedure> procedures = new ArrayList<>();
    public WaitingFor waitingFor;
    public boolean pendingApproval;
    public long version;
    public Instant lastRecordedAt;

    Optional<Procedure> procedure(String procedureId) {
        return procedures.stream().filter(p -> p.procedureId.equals(procedureId)).findFirst();
    }

    /** Mirrors {@link casebook.kernel.grant.query.GrantProcedureView}. */
    static final class Procedure {
        public String procedureId;
        public ProcedureKind kind;
        public String kindLabel;
        public int number;
        public LocalDate openedOn;
        public List<Step> steps = new ArrayList<>();
        public AmountTrail amounts;
        public WaitingFor waitingFor;
        public boolean complete;
        public boolean pendingApproval;

        Optional<Step> step(GrantStep step) {
            return steps.stream().filter(s -> s.step == step).findFirst();
        }

        boolean recorded(GrantStep step) {
            return step(step).map(Step::recorded).orElse(false);
        }
    }

    /** Mirrors {@link casebook.kernel.grant.query.GrantStepView}, without the status. */
    static final class Step {
        public GrantStep step;
        public String label;
        public PlannedView planned;
        public LocalDate recordedOn;
        public Long amount;
        public String noticeNo;
        public List<String> documents;
        public String note;
        public List<Recording> recordings = new ArrayList<>();
        public boolean outstanding;

        boolean recorded() {
            return !recordings.isEmpty();
        }
    }

    /** Mirrors {@link casebook.kernel.grant.query.StepRecording}. */
    static final class Recording {
        public long seq;
        public LocalDate on;
        public Long amount;
        public String noticeNo;
        public List<String> documents;
        public String note;
        public List<Long> correctedBy = new ArrayList<>();
    }
}
