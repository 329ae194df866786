package casebook.inquiry;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.InquiryStatus;
import casebook.kernel.inquiry.command.AnswerInquiry;
import casebook.kernel.inquiry.command.AssignInquiry;
import casebook.kernel.inquiry.command.CloseInquiry;
import casebook.kernel.inquiry.command.EscalateToMinistry;
import casebook.kernel.inquiry.command.ReceiveInquiry;
import casebook.kernel.inquiry.command.RecordMinistryAnswer;
import casebook.kernel.inquiry.command.ReopenInquiry;
import casebook.kernel.inquiry.event.InquiryAnswered;
import casebook.kernel.inquiry.event.InquiryAssigned;
import casebook.kernel.inquiry.event.InquiryClosed;
import casebook.kernel.inquiry.event.InquiryEscalatedToMinistry;
import casebook.kernel.inquiry.event.InquiryReceived;
import casebook.kernel.inquiry.event.InquiryReopened;
import casebook.kernel.inquiry.event.MinistryAnswerReceived;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An inquiry (疑義照会): a question from a municipality, prefecture or 広域連合, usually on a grant procedure, that the
 * bureau answers, after asking the ministry (本省照会) where it must (DOMAIN.md §5.3).
 *
 * <p>RECEIVED → ASSIGNED → (ESCALATED → back) → ANSWERED → CLOSED, and reopened back to ASSIGNED (or RECEIVED when no
 * officer holds it). A question with the ministry is tracked apart from the status, since the bureau may answer before
 * the ministry does. Command handlers check the rules and apply exactly one event; event sourcing handlers only
 * assign state. The infra module registers the class with Axon, hence no Spring stereotype here.
 */
public class Inquiry {

    private static final String KOIKI_RENGO_SUFFIX = "後期高齢者医療広域連合";

    @AggregateIdentifier
    private String inquiryId;
    private InquiryStatus status;
    private String officer;
    private boolean awaitingMinistry;

    /** For Axon, which rebuilds the inquiry from its events. */
    protected Inquiry() {
    }

    @CommandHandler
    public Inquiry(ReceiveInquiry cmd) {
        Require.text("inquiryId", cmd.inquiryId());
        InquirerKind kind = Require.value("fromKind", cmd.fromKind());
        LocalGovernment from = inquirer(kind, Require.text("fromCode", cmd.fromCode()))
                .orElseThrow(() -> new UnknownInquirer(kind, cmd.fromCode()));
        InquiryChannel channel = Require.value("channel", cmd.channel());
        LocalDate receivedOn = Require.value("receivedOn", cmd.receivedOn());
        Require.text("subject", cmd.subject());
        Require.text("question", cmd.question());
        Require.notBlankIfPresent("grantCaseId", cmd.grantCaseId());
        String fromName = kind == InquirerKind.KOIKI_RENGO ? from.name() + KOIKI_RENGO_SUFFIX : from.name();
        apply(new InquiryReceived(cmd.inquiryId(), kind, from.code(), fromName, from.prefectureCode(),
                ReferenceData.get().bureauOf(from).code(), channel, receivedOn, cmd.subject(), cmd.question(),
                cmd.grantType(), cmd.grantCaseId(), receivedOn));
    }

    /** Assigning again hands the inquiry over, whatever its status short of closed. */
    @CommandHandler
    public void handle(AssignInquiry cmd) {
        String to = Require.text("officer", cmd.officer());
        LocalDate assignedOn = Require.value("assignedOn", cmd.assignedOn());
        requireNotClosed("assigning");
        if (to.equals(officer)) {
            throw new AlreadyAssigned(to);
        }
        apply(new InquiryAssigned(inquiryId, to, assignedOn, assignedOn));
    }

    @CommandHandler
    public void handle(EscalateToMinistry cmd) {
        LocalDate escalatedOn = Require.value("escalatedOn", cmd.escalatedOn());
        Require.text("question", cmd.question());
        requireNotClosed("escalating to the ministry");
        if (awaitingMinistry) {
            throw new AwaitingMinistry();
        }
        apply(new InquiryEscalatedToMinistry(inquiryId, escalatedOn, cmd.question(), escalatedOn));
    }

    @CommandHandler
    public void handle(RecordMinistryAnswer cmd) {
        LocalDate receivedOn = Require.value("receivedOn", cmd.receivedOn());
        Require.text("answer", cmd.answer());
        requireNotClosed("recording the ministry's answer");
        if (!awaitingMinistry) {
            throw new NotEscalated();
        }
        apply(new MinistryAnswerReceived(inquiryId, receivedOn, cmd.answer(), receivedOn));
    }

    /** Answering again (a corrected or fuller answer) is allowed until the inquiry is closed. */
    @CommandHandler
    public void handle(AnswerInquiry cmd) {
        LocalDate answeredOn = Require.value("answeredOn", cmd.answeredOn());
        Require.text("answer", cmd.answer());
        requireNotClosed("answering");
        apply(new InquiryAnswered(inquiryId, answeredOn, cmd.answer(), answeredOn));
    }

    @CommandHandler
    public void handle(CloseInquiry cmd) {
        LocalDate closedOn = Require.value("closedOn", cmd.closedOn());
        requireNotClosed("closing");
        if (status != InquiryStatus.ANSWERED) {
            throw new NotAllowedInStatus("closing", status);
        }
        apply(new InquiryClosed(inquiryId, closedOn, closedOn));
    }

    @CommandHandler
    public void handle(ReopenInquiry cmd) {
        LocalDate reopenedOn = Require.value("reopenedOn", cmd.reopenedOn());
        Require.text("reason", cmd.reason());
        if (status != InquiryStatus.CLOSED) {
            throw new NotAllowedInStatus("reopening", status);
        }
        apply(new InquiryReopened(inquiryId, reopenedOn, cmd.reason(), reopenedOn));
    }

    // ---------------------------------------------------------------- event sourcing handlers

    @EventSourcingHandler
    private void on(InquiryReceived e) {
        inquiryId = e.inquiryId();
        status = InquiryStatus.RECEIVED;
    }

    @EventSourcingHandler
    private void on(InquiryAssigned e) {
        officer = e.officer();
        if (status == InquiryStatus.RECEIVED) {
            status = InquiryStatus.ASSIGNED;
        }
    }

    @EventSourcingHandler
    private void on(InquiryEscalatedToMinistry e) {
        awaitingMinistry = true;
        status = InquiryStatus.ESCALATED;
    }

    /** Back to the officer, who still has to answer the inquirer; an answer already given stands. */
    @EventSourcingHandler
    private void on(MinistryAnswerReceived e) {
        awaitingMinistry = false;
        if (status == InquiryStatus.ESCALATED) {
            status = openStatus();
        }
    }

    @EventSourcingHandler
    private void on(InquiryAnswered e) {
        status = InquiryStatus.ANSWERED;
    }

    @EventSourcingHandler
    private void on(InquiryClosed e) {
        status = InquiryStatus.CLOSED;
    }

    @EventSourcingHandler
    private void on(InquiryReopened e) {
        status = openStatus();
    }

    // ---------------------------------------------------------------- rules

    private InquiryStatus openStatus() {
        return officer != null ? InquiryStatus.ASSIGNED : InquiryStatus.RECEIVED;
    }

    private void requireNotClosed(String what) {
        if (status == InquiryStatus.CLOSED) {
            throw new InquiryIsClosed(what);
        }
    }

    /** A 広域連合 is named by its prefecture's code, one per prefecture. */
    private static Optional<LocalGovernment> inquirer(InquirerKind kind, String code) {
        return switch (kind) {
            case MUNICIPALITY -> ReferenceData.get().municipality(code);
            case PREFECTURE, KOIKI_RENGO -> ReferenceData.get().prefecture(code);
        };
    }

    // ---------------------------------------------------------------- read access for tests

    InquiryStatus status() {
        return status;
    }

    String officer() {
        return officer;
    }

    boolean awaitingMinistry() {
        return awaitingMinistry;
    }
}
