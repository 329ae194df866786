package casebook.inquiry;

import static casebook.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.inquiry.InquiryStatus;
import casebook.kernel.inquiry.command.AnswerInquiry;
import casebook.kernel.inquiry.command.AssignInquiry;
import casebook.kernel.inquiry.command.EscalateToMinistry;
import casebook.kernel.inquiry.command.RecordMinistryAnswer;
import casebook.kernel.inquiry.event.InquiryAnswered;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 担当決定, 本省照会 and 回答. */
class InquiryHandlingTest {

    private AggregateTestFixture<Inquiry> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ---------------------------------------------------------------- assignment

    @Test
    void anOfficerTakesTheInquiry() {
        fixture.given(received())
                .when(assign(OFFICER))
                .expectEvents(assigned(OFFICER))
                .expectState(i -> {
                    assertThat(i.status()).isEqualTo(InquiryStatus.ASSIGNED);
                    assertThat(i.officer()).isEqualTo(OFFICER);
                });
    }

    @Test
    void theInquiryMayBeHandedOver() {
        fixture.given(received(), assigned(OFFICER))
                .when(assign(OTHER_OFFICER))
                .expectEvents(assigned(OTHER_OFFICER))
                .expectState(i -> assertThat(i.officer()).isEqualTo(OTHER_OFFICER));
    }

    @Test
    void handingOverAnEscalatedInquiryKeepsItWithTheMinistry() {
        fixture.given(received(), assigned(OFFICER), escalated())
                .when(assign(OTHER_OFFICER))
                .expectEvents(assigned(OTHER_OFFICER))
                .expectState(i -> assertThat(i.status()).isEqualTo(InquiryStatus.ESCALATED));
    }

    @Test
    void assigningTheSameOfficerAgainIsRejected() {
        fixture.given(received(), assigned(OFFICER))
                .when(assign(OFFICER))
                .expectNoEvents()
                .expectException(rejected(AlreadyAssigned.class, "officer"))
                .expectExceptionMessage("the inquiry is already assigned to officer-tohoku");
    }

    @Test
    void aClosedInquiryIsNotAssigned() {
        fixture.given(received(), assigned(OFFICER), answered(), closed())
                .when(assign(OTHER_OFFICER))
                .expectNoEvents()
                .expectException(InquiryIsClosed.class)
                .expectExceptionMessage("assigning is not possible: the inquiry is closed (reopen it first)");
    }

    @Test
    void anAssignmentNeedsTheOfficerAndTheDate() {
        fixture.given(received())
                .when(assign(" "))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "officer"));
        fixture.given(received())
                .when(new AssignInquiry(ID, OFFICER, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "assignedOn"));
    }

    // ---------------------------------------------------------------- escalation to the ministry

    @Test
    void anAssignedInquiryIsEscalated() {
        fixture.given(received(), assigned(OFFICER))
                .when(escalate())
                .expectEvents(escalated())
                .expectState(i -> {
                    assertThat(i.status()).isEqualTo(InquiryStatus.ESCALATED);
                    assertThat(i.awaitingMinistry()).isTrue();
                });
    }

    @Test
    void anUnassignedInquiryMayBeEscalatedToo() {
        fixture.given(received())
                .when(escalate())
                .expectEvents(escalated());
    }

    @Test
    void anAnsweredInquiryMayStillBeCheckedWithTheMinistry() {
        fixture.given(received(), assigned(OFFICER), answered())
                .when(escalate())
                .expectEvents(escalated())
                .expectState(i -> assertThat(i.status()).isEqualTo(InquiryStatus.ESCALATED));
    }

    @Test
    void oneQuestionWithTheMinistryAtATime() {
        fixture.given(received(), assigned(OFFICER), escalated())
                .when(escalate())
                .expectNoEvents()
                .expectException(AwaitingMinistry.class);
    }

    @Test
    void aSecondQuestionFollowsTheMinistrysAnswer() {
        fixture.given(received(), assigned(OFFICER), escalated(), ministryAnswered())
                .when(escalate())
                .expectEvents(escalated());
    }

    @Test
    void aClosedInquiryIsNotEscalated() {
        fixture.given(received(), answered(), closed())
                .when(escalate())
                .expectNoEvents()
                .expectException(InquiryIsClosed.class);
    }

    @Test
    void anEscalationNeedsTheQuestionAndTheDate() {
        fixture.given(received(), assigned(OFFICER))
                .when(new EscalateToMinistry(ID, ESCALATED_ON, ""))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "question"));
        fixture.given(received(), assigned(OFFICER))
                .when(new EscalateToMinistry(ID, null, "会場借上料の取扱いについて"))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "escalatedOn"));
    }

    // ---------------------------------------------------------------- the ministry's answer

    @Test
    void theMinistrysAnswerReturnsTheInquiryToItsOfficer() {
        fixture.given(received(), assigned(OFFICER), escalated())
                .when(recordMinistryAnswer())
                .expectEvents(ministryAnswered())
                .expectState(i -> {
                    assertThat(i.status()).isEqualTo(InquiryStatus.ASSIGNED);
                    assertThat(i.awaitingMinistry()).isFalse();
                });
    }

    @Test
    void withoutAnOfficerTheMinistrysAnswerReturnsItToReceived() {
        fixture.given(received(), escalated())
                .when(recordMinistryAnswer())
                .expectEvents(ministryAnswered())
                .expectState(i -> assertThat(i.status()).isEqualTo(InquiryStatus.RECEIVED));
    }

    @Test
    void theMinistrysLateAnswerLeavesTheBureausAnswerStanding() {
        fixture.given(received(), assigned(OFFICER), escalated(), answered())
                .when(recordMinistryAnswer())
                .expectEvents(ministryAnswered())
                .expectState(i -> assertThat(i.status()).isEqualTo(InquiryStatus.ANSWERED));
    }

    @Test
    void noMinistryAnswerWithoutAnEscalation() {
        fixture.given(received(), assigned(OFFICER))
                .when(recordMinistryAnswer())
                .expectNoEvents()
                .expectException(NotEscalated.class);
    }

    @Test
    void theMinistryAnswersOnce() {
        fixture.given(received(), assigned(OFFICER), escalated(), ministryAnswered())
                .when(recordMinistryAnswer())
                .expectNoEvents()
                .expectException(NotEscalated.class)
                .expectExceptionMessage("the inquiry has no question with the ministry awaiting an answer");
    }

    @Test
    void aClosedInquiryTakesNoMinistryAnswer() {
        fixture.given(received(), assigned(OFFICER), escalated(), answered(), closed())
                .when(recordMinistryAnswer())
                .expectNoEvents()
                .expectException(InquiryIsClosed.class);
    }

    @Test
    void theMinistrysAnswerNeedsTextAndDate() {
        fixture.given(received(), escalated())
                .when(new RecordMinistryAnswer(ID, MINISTRY_ANSWERED_ON, " "))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "answer"));
        fixture.given(received(), escalated())
                .when(new RecordMinistryAnswer(ID, null, "間接経費として計上可"))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "receivedOn"));
    }

    // ---------------------------------------------------------------- the bureau's answer

    @Test
    void theOfficerAnswersAfterTheMinistry() {
        fixture.given(received(), assigned(OFFICER), escalated(), ministryAnswered())
                .when(answer())
                .expectEvents(answered())
                .expectState(i -> assertThat(i.status()).isEqualTo(InquiryStatus.ANSWERED));
    }

    @Test
    void aReceivedInquiryMayBeAnsweredStraightAway() {
        fixture.given(received())
                .when(answer())
                .expectEvents(answered());
    }

    @Test
    void theBureauMayAnswerWhileTheMinistryIsStillAsked() {
        fixture.given(received(), assigned(OFFICER), escalated())
                .when(answer())
                .expectEvents(answered())
                .expectState(i -> {
                    assertThat(i.status()).isEqualTo(InquiryStatus.ANSWERED);
                    assertThat(i.awaitingMinistry()).isTrue();
                });
    }

    @Test
    void aFullerAnswerMayFollow() {
        LocalDate on = LocalDate.of(2025, 6, 27);
        fixture.given(received(), assigned(OFFICER), answered())
                .when(new AnswerInquiry(ID, on, "計上できます。根拠は交付要綱別記"))
                .expectEvents(new InquiryAnswered(ID, on, "計上できます。根拠は交付要綱別記", on));
    }

    @Test
    void aClosedInquiryIsNotAnswered() {
        fixture.given(received(), assigned(OFFICER), answered(), closed())
                .when(answer())
                .expectNoEvents()
                .expectException(InquiryIsClosed.class)
                .expectExceptionMessage("answering is not possible: the inquiry is closed (reopen it first)");
    }

    @Test
    void anAnswerNeedsTextAndDate() {
        fixture.given(received(), assigned(OFFICER))
                .when(new AnswerInquiry(ID, ANSWERED_ON, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "answer"));
        fixture.given(received(), assigned(OFFICER))
                .when(new AnswerInquiry(ID, null, "計上できます"))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "answeredOn"));
    }
}
