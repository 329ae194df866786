package casebook.inquiry;

import casebook.kernel.DomainRejection;
import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
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
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * A 疑義照会 from 湯沢市 (秋田県, Tohoku) on its FY2024 地域支援事業交付金 confirmation, e-mailed on 2025-06-10, so that
 * tests read as the domain: {@code given(received(), assigned(OFFICER), escalated()).when(recordMinistryAnswer())}.
 */
final class InquiryFixtures {

    static final String ID = "inq-yuzawa-0610";
    static final String YUZAWA = "052078";
    static final String AKITA = "050008";
    static final String KAMIKATSU = "363022";
    static final String TOKUSHIMA = "360007";
    static final String UNKNOWN = "999999";
    static final String GRANT_CASE = "gc-yuzawa-chiiki-2024";
    static final String SUBJECT = "実績報告における間接経費の計上";
    static final String QUESTION = "住民主体サービスBの会場借上料は間接経費として計上できるか";
    static final String OFFICER = "officer-tohoku";
    static final String OTHER_OFFICER = "officer-tohoku-2";

    static final LocalDate RECEIVED_ON = LocalDate.of(2025, 6, 10);
    static final LocalDate ASSIGNED_ON = LocalDate.of(2025, 6, 11);
    static final LocalDate ESCALATED_ON = LocalDate.of(2025, 6, 13);
    static final LocalDate MINISTRY_ANSWERED_ON = LocalDate.of(2025, 6, 24);
    static final LocalDate ANSWERED_ON = LocalDate.of(2025, 6, 25);
    static final LocalDate CLOSED_ON = LocalDate.of(2025, 6, 30);
    static final LocalDate REOPENED_ON = LocalDate.of(2025, 7, 3);

    private InquiryFixtures() {
    }

    static AggregateTestFixture<Inquiry> fixture() {
        return new AggregateTestFixture<>(Inquiry.class);
    }

    // ------------------------------------------------------------------ events

    static InquiryReceived received() {
        return new InquiryReceived(ID, InquirerKind.MUNICIPALITY, YUZAWA, "湯沢市", AKITA, "tohoku", InquiryChannel.EMAIL,
                RECEIVED_ON, SUBJECT, QUESTION, GrantType.CHIIKI_SHIEN_JIGYO, GRANT_CASE, RECEIVED_ON);
    }

    static InquiryAssigned assigned(String officer) {
        return new InquiryAssigned(ID, officer, ASSIGNED_ON, ASSIGNED_ON);
    }

    static InquiryEscalatedToMinistry escalated() {
        return new InquiryEscalatedToMinistry(ID, ESCALATED_ON, "会場借上料の取扱いについて", ESCALATED_ON);
    }

    static MinistryAnswerReceived ministryAnswered() {
        return new MinistryAnswerReceived(ID, MINISTRY_ANSWERED_ON, "間接経費として計上可", MINISTRY_ANSWERED_ON);
    }

    static InquiryAnswered answered() {
        return new InquiryAnswered(ID, ANSWERED_ON, "計上できます（本省確認済）", ANSWERED_ON);
    }

    static InquiryClosed closed() {
        return new InquiryClosed(ID, CLOSED_ON, CLOSED_ON);
    }

    static InquiryReopened reopened() {
        return new InquiryReopened(ID, REOPENED_ON, "追加質問あり", REOPENED_ON);
    }

    // ------------------------------------------------------------------ commands

    static ReceiveInquiry receive(InquirerKind kind, String code) {
        return new ReceiveInquiry(ID, kind, code, InquiryChannel.EMAIL, RECEIVED_ON, SUBJECT, QUESTION,
                GrantType.CHIIKI_SHIEN_JIGYO, GRANT_CASE);
    }

    static AssignInquiry assign(String officer) {
        return new AssignInquiry(ID, officer, ASSIGNED_ON);
    }

    static EscalateToMinistry escalate() {
        return new EscalateToMinistry(ID, ESCALATED_ON, "会場借上料の取扱いについて");
    }

    static RecordMinistryAnswer recordMinistryAnswer() {
        return new RecordMinistryAnswer(ID, MINISTRY_ANSWERED_ON, "間接経費として計上可");
    }

    static AnswerInquiry answer() {
        return new AnswerInquiry(ID, ANSWERED_ON, "計上できます（本省確認済）");
    }

    static CloseInquiry close() {
        return new CloseInquiry(ID, CLOSED_ON);
    }

    static ReopenInquiry reopen() {
        return new ReopenInquiry(ID, REOPENED_ON, "追加質問あり");
    }

    // ------------------------------------------------------------------ helpers

    /** Matches a rejection of the given type that names the given field. */
    static Matcher<Throwable> rejected(Class<? extends DomainRejection> type, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return type.isInstance(t) && java.util.Objects.equals(field, ((DomainRejection) t).field());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(type.getSimpleName() + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText("was " + t + (t instanceof DomainRejection r ? " on field " + r.field() : ""));
            }
        };
    }
}
