package casebook.inquiries;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.inquiry.InquiryStatus;
import casebook.kernel.inquiry.event.InquiryAnswered;
import casebook.kernel.inquiry.event.InquiryAssigned;
import casebook.kernel.inquiry.event.InquiryClosed;
import casebook.kernel.inquiry.event.InquiryEscalatedToMinistry;
import casebook.kernel.inquiry.event.InquiryReceived;
import casebook.kernel.inquiry.event.InquiryReopened;
import casebook.kernel.inquiry.event.MinistryAnswerReceived;
import casebook.kernel.inquiry.query.InquiryAnswer;
import casebook.kernel.inquiry.query.InquiryReopening;
import casebook.kernel.inquiry.query.MinistryEscalation;

/**
 * Applies Inquiry events to the in-memory inquiry, following the aggregate's status rules: a ministry answer sends an
 * ESCALATED inquiry back to its officer (ASSIGNED, or RECEIVED when nobody holds it), a reopening likewise. Inquiries
 * are filed per bureau in two buckets, {@code "<bureau>:open"} and {@code "<bureau>:closed"}, so the everyday inbox
 * reads only the open ones whatever the years of closed ones behind them.
 */
final class InquiryModel implements CaseModel<InquiryState> {

    static final InquiryModel INSTANCE = new InquiryModel();

    static String bucketId(String bureau, boolean closed) {
        return bureau + (closed ? ":closed" : ":open");
    }

    @Override
    public Class<InquiryState> type() {
        return InquiryState.class;
    }

    @Override
    public boolean handles(CaseEvent event) {
        return event.getClass().getPackage() == InquiryReceived.class.getPackage();
    }

    @Override
    public boolean opens(CaseEvent event) {
        return event instanceof InquiryReceived;
    }

    @Override
    public InquiryState fresh() {
        return new InquiryState();
    }

    @Override
    public void apply(InquiryState s, CaseEvent event) {
        if (event instanceof InquiryReceived e) {
            s.fromKind = e.fromKind();
            s.fromKindLabel = e.fromKind() == null ? null : e.fromKind().label();
            s.fromCode = e.fromCode();
            s.fromName = e.fromName();
            s.prefectureCode = e.prefectureCode();
            s.bureauCode = e.bureauCode();
            s.channel = e.channel();
            s.channelLabel = e.channel() == null ? null : e.channel().label();
            s.receivedOn = e.receivedOn();
            s.subject = e.subject();
            s.question = e.question();
            s.grantType = e.grantType();
            s.grantTypeLabel = e.grantType() == null ? null : e.grantType().label();
            s.grantCaseId = e.grantCaseId();
            s.status = InquiryStatus.RECEIVED;
        } else if (event instanceof InquiryAssigned e) {
            s.assignedTo = e.officer();
            s.assignedOn = e.assignedOn();
            if (s.status == InquiryStatus.RECEIVED) {
                s.status = InquiryStatus.ASSIGNED;
            }
        } else if (event instanceof InquiryEscalatedToMinistry e) {
            s.escalations.add(new MinistryEscalation(e.question(), e.escalatedOn(), null, null));
            s.awaitingMinistry = true;
            s.status = InquiryStatus.ESCALATED;
        } else if (event instanceof MinistryAnswerReceived e) {
            int last = s.escalations.size() - 1;
            if (last >= 0) {
                MinistryEscalation asked = s.escalations.get(last);
                s.escalations.set(last, new MinistryEscalation(asked.question(), asked.escalatedOn(), e.answer(),
                        e.receivedOn()));
            }
            s.awaitingMinistry = false;
            if (s.status == InquiryStatus.ESCALATED) {
                s.status = openStatus(s);
            }
        } else if (event instanceof InquiryAnswered e) {
            s.answers.add(new InquiryAnswer(e.answeredOn(), e.answer()));
            s.answer = e.answer();
            s.answeredOn = e.answeredOn();
            s.status = InquiryStatus.ANSWERED;
        } else if (event instanceof InquiryClosed e) {
            s.closedOn = e.closedOn();
            s.status = InquiryStatus.CLOSED;
        } else if (event instanceof InquiryReopened e) {
            s.reopenings.add(new InquiryReopening(e.reopenedOn(), e.reason(), s.closedOn));
            s.closedOn = null;
            s.status = openStatus(s);
        }
        s.escalation = s.escalations.isEmpty() ? null : s.escalations.get(s.escalations.size() - 1);
        s.statusLabel = s.status == null ? null : s.status.label();
    }

    @Override
    public String bucketOf(InquiryState s) {
        return bucketId(s.bureauCode, s.status == InquiryStatus.CLOSED);
    }

    @Override
    public Object rowOf(InquiryState s) {
        return InquiryRow.of(s);
    }

    private static InquiryStatus openStatus(InquiryState s) {
        return s.assignedTo != null ? InquiryStatus.ASSIGNED : InquiryStatus.RECEIVED;
    }
}
