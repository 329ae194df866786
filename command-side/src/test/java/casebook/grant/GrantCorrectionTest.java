package casebook.grant;

import static casebook.grant.GrantFixtures.*;
import static casebook.kernel.grant.GrantStep.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.command.CorrectGrantRecord;
import casebook.kernel.grant.event.GrantRecordCorrected;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 訂正: a wrongly recorded step is corrected by a new event naming it by sequence number (0-based); the corrected values
 * obey the same rules and replace the old ones in the rules' state. Events 0 opened, 1 当初交付 opened, 2 示達 of
 * 10,000,000 yen on 2026-03-06, 3 決裁 of 9,800,000 yen on 2026-03-10.
 */
class GrantCorrectionTest {

    private AggregateTestFixture<GrantCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void theAuthorisedAmountIsCorrected() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(2, amountCorrection(10_500_000L)))
                .expectEvents(new GrantRecordCorrected(ID, 2, INITIAL_ID, "GrantStepRecorded",
                        amountCorrection(10_500_000L), "示達額の誤記", CORRECTED_ON))
                .expectState(c -> {
                    assertThat(c.procedure(INITIAL_ID).authorisedAmount()).isEqualTo(10_500_000L);
                    assertThat(c.procedure(INITIAL_ID).decidedAmount()).isEqualTo(DECIDED);
                });
    }

    @Test
    void theCorrectedAuthorisedAmountGovernsTheDecision() {
        GrantRecordCorrected lowered = new GrantRecordCorrected(ID, 2, INITIAL_ID, "GrantStepRecorded",
                amountCorrection(9_000_000L), "示達額の誤記", CORRECTED_ON);
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), lowered)
                .when(record(DECISION_APPROVED, 9_500_000L))
                .expectNoEvents()
                .expectException(rejected(DecisionAboveAuthorisedAmount.class, "amount"));
        GrantRecordCorrected raised = new GrantRecordCorrected(ID, 2, INITIAL_ID, "GrantStepRecorded",
                amountCorrection(12_000_000L), "示達額の誤記", CORRECTED_ON);
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), raised)
                .when(record(DECISION_APPROVED, 11_000_000L))
                .expectEvents(step(DECISION_APPROVED, 11_000_000L));
    }

    @Test
    void aCorrectedDecisionStaysWithinTheAuthorisedAmount() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(3, amountCorrection(AUTHORISED + 1)))
                .expectNoEvents()
                .expectException(rejected(DecisionAboveAuthorisedAmount.class, "fields.amount"));
    }

    @Test
    void aDecisionIsCorrectedUpToTheAuthorisedAmount() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(3, amountCorrection(AUTHORISED)))
                .expectEvents(new GrantRecordCorrected(ID, 3, INITIAL_ID, "GrantStepRecorded",
                        amountCorrection(AUTHORISED), "示達額の誤記", CORRECTED_ON))
                .expectState(c -> assertThat(c.procedure(INITIAL_ID).decidedAmount()).isEqualTo(AUTHORISED));
    }

    @Test
    void theAuthorisedAmountIsNotCorrectedBelowTheDecision() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(2, amountCorrection(DECIDED - 1)))
                .expectNoEvents()
                .expectException(rejected(DecisionAboveAuthorisedAmount.class, "fields.amount"));
    }

    @Test
    void anAmountIsCorrectedOnlyWhereTheStepHasOne() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), step(PRECONSULTATION_REQUESTED, null))
                .when(correct(2, amountCorrection(1_000L)))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "fields.amount"));
    }

    @Test
    void aCorrectedAmountIsNotNegative() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(3, amountCorrection(-9_800_000L)))
                .expectNoEvents()
                .expectException(rejected(NegativeAmount.class, "fields.amount"));
    }

    @Test
    void aDateIsCorrectedWithinTheOrderOfTheSteps() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(3, onCorrection(LocalDate.of(2026, 3, 6))))
                .expectEvents(new GrantRecordCorrected(ID, 3, INITIAL_ID, "GrantStepRecorded",
                        onCorrection(LocalDate.of(2026, 3, 6)), "示達額の誤記", CORRECTED_ON))
                .expectState(c -> assertThat(c.procedure(INITIAL_ID).latest(DECISION_APPROVED).orElseThrow().on())
                        .isEqualTo(LocalDate.of(2026, 3, 6)));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(3, onCorrection(LocalDate.of(2026, 3, 5))))
                .expectNoEvents()
                .expectException(rejected(DecisionBeforeExpenditureAuthority.class, "fields.on"));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(2, onCorrection(LocalDate.of(2026, 3, 11))))
                .expectNoEvents()
                .expectException(rejected(DecisionBeforeExpenditureAuthority.class, "fields.on"))
                .expectExceptionMessage("EXPENDITURE_AUTHORITY_RECEIVED (支出負担行為示達) on 2026-03-11 would follow"
                        + " DECISION_APPROVED (交付決定決裁) on 2026-03-10");
    }

    @Test
    void oneInstalmentOfAPaymentIsCorrected() {
        // 4 first instalment, 5 second instalment
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided(), step(PAID, 5_000_000L),
                        step(INITIAL_ID, ProcedureKind.INITIAL, PAID, LocalDate.of(2026, 3, 31), 4_800_000L))
                .when(correct(4, new GrantCorrectedFields(null, 5_000_001L, "湯介第456号", "端数調整")))
                .expectEvents(new GrantRecordCorrected(ID, 4, INITIAL_ID, "GrantStepRecorded",
                        new GrantCorrectedFields(null, 5_000_001L, "湯介第456号", "端数調整"), "示達額の誤記", CORRECTED_ON))
                .expectState(c -> assertThat(c.procedure(INITIAL_ID).steps().stream()
                        .filter(s -> s.step() == PAID).map(RecordedStep::amount))
                        .containsExactly(5_000_001L, 4_800_000L));
    }

    @Test
    void aNoticeNumberIsCorrectedOnAnyStep() {
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION),
                        step(ProcedureKind.CONFIRMATION, REPORT_REQUESTED, null))
                .when(correct(2, noticeNoCorrection("事務連絡R8-05")))
                .expectEvents(new GrantRecordCorrected(ID, 2, CONFIRMATION_ID, "GrantStepRecorded",
                        noticeNoCorrection("事務連絡R8-05"), "示達額の誤記", CORRECTED_ON));
    }

    @Test
    void aCorrectionNamesAnEventOfThisCase() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(4, amountCorrection(1L)))
                .expectNoEvents()
                .expectException(rejected(UnknownEventToCorrect.class, "correctsEvent"))
                .expectExceptionMessage("this grant case has no event 4 (its events are 0 to 3)");
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(correct(-1, amountCorrection(1L)))
                .expectNoEvents()
                .expectException(rejected(UnknownEventToCorrect.class, "correctsEvent"));
    }

    @Test
    void onlyRecordedStepsAreCorrected() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(correct(0, onCorrection(LocalDate.of(2025, 4, 2))))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "correctsEvent"));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(correct(1, onCorrection(LocalDate.of(2025, 4, 2))))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "correctsEvent"))
                .expectExceptionMessage("event 1 is a GrantProcedureOpened; only recorded steps (GrantStepRecorded)"
                        + " can be corrected");
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(),
                        new GrantRecordCorrected(ID, 2, INITIAL_ID, "GrantStepRecorded", amountCorrection(9_000_000L),
                                "示達額の誤記", CORRECTED_ON))
                .when(correct(3, amountCorrection(9_500_000L)))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "correctsEvent"));
    }

    @Test
    void aCorrectionHasAReasonABusinessDateAndSomethingToChange() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(new CorrectGrantRecord(ID, 2, " ", amountCorrection(9_000_000L), CORRECTED_ON))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "reason"));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(new CorrectGrantRecord(ID, 2, "示達額の誤記", amountCorrection(9_000_000L), null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "occurredOn"));
    }

    @Test
    void aCorrectionWithoutFieldsOnlyMarksTheStepAsWrong() {
        GrantRecordCorrected note = new GrantRecordCorrected(ID, 2, INITIAL_ID, "GrantStepRecorded",
                GrantCorrectedFields.none(), "示達額の誤記", CORRECTED_ON);
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(correct(2, null))
                .expectEvents(note)
                .expectState(c -> assertThat(c.procedure(INITIAL_ID).authorisedAmount()).isEqualTo(AUTHORISED));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(correct(2, noCorrection()))
                .expectEvents(note);
        // Still only recorded steps, and never a correction.
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(correct(1, null))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "correctsEvent"));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), note)
                .when(correct(3, null))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "correctsEvent"));
    }
}
