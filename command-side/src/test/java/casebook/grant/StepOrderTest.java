package casebook.grant;

import static casebook.grant.GrantFixtures.*;
import static casebook.kernel.grant.GrantStep.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.StateConflict;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orderings the seeds make hard: "本省より、支出負担行為示達の連絡がされた後、交付決定決裁を行う" (DOMAIN.md §3.2), the
 * decision within the authorised amount, the confirmation from the report, the refund after the confirmation. Other
 * steps come in any order, and steps the seeds show together (交付決定・支払い) may share a date.
 */
class StepOrderTest {

    private static final LocalDate MARCH_27 = LocalDate.of(2026, 3, 27);

    private AggregateTestFixture<GrantCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ---------------------------------------------------------------- 示達 → 交付決定決裁

    @Test
    void aDecisionBeforeTheExpenditureAuthorityIsRejected() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), step(APPLICATION_SUBMITTED, REQUESTED),
                        step(REVIEWED, null))
                .when(record(DECISION_APPROVED, DECIDED))
                .expectNoEvents()
                .expectException(rejected(DecisionBeforeExpenditureAuthority.class, "step"))
                .expectExceptionMessage("DECISION_APPROVED (交付決定決裁) cannot be recorded before"
                        + " EXPENDITURE_AUTHORITY_RECEIVED (支出負担行為示達) in procedure initial");
    }

    @Test
    void theRejectionIsAStateConflictNamingTheMissingStep() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(DECISION_APPROVED, DECIDED))
                .expectException(StateConflict.class)
                .expectException(outOfOrder(DECISION_APPROVED, EXPENDITURE_AUTHORITY_RECEIVED));
    }

    @Test
    void aDecisionAfterTheExpenditureAuthorityIsRecorded() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(record(DECISION_APPROVED, DECIDED))
                .expectEvents(decided())
                .expectState(c -> {
                    assertThat(c.procedure(INITIAL_ID).authorisedAmount()).isEqualTo(AUTHORISED);
                    assertThat(c.procedure(INITIAL_ID).decidedAmount()).isEqualTo(DECIDED);
                });
    }

    @Test
    void theAuthorityOfAnotherProcedureDoesNotCount() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), procedure(ProcedureKind.CHANGE), authorised(),
                        decided())
                .when(record(ProcedureKind.CHANGE, DECISION_APPROVED, 10_500_000L))
                .expectNoEvents()
                .expectException(rejected(DecisionBeforeExpenditureAuthority.class, "step"));
    }

    @Test
    void aDecisionDatedBeforeTheExpenditureAuthorityIsRejected() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(record(INITIAL_ID, DECISION_APPROVED, LocalDate.of(2026, 3, 5), DECIDED))
                .expectNoEvents()
                .expectException(rejected(DecisionBeforeExpenditureAuthority.class, "on"))
                .expectExceptionMessage("DECISION_APPROVED (交付決定決裁) on 2026-03-05 cannot precede"
                        + " EXPENDITURE_AUTHORITY_RECEIVED (支出負担行為示達) on 2026-03-06");
    }

    @Test
    void authorityDecisionNoticeAndPaymentMayShareADay() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL),
                        step(INITIAL_ID, ProcedureKind.INITIAL, EXPENDITURE_AUTHORITY_RECEIVED, MARCH_27, AUTHORISED),
                        step(INITIAL_ID, ProcedureKind.INITIAL, DECISION_APPROVED, MARCH_27, DECIDED),
                        step(INITIAL_ID, ProcedureKind.INITIAL, DECISION_NOTIFIED, MARCH_27, null))
                .when(record(INITIAL_ID, PAID, MARCH_27, DECIDED))
                .expectEvents(step(INITIAL_ID, ProcedureKind.INITIAL, PAID, MARCH_27, DECIDED));
    }

    // ---------------------------------------------------------------- decision ≤ authorised amount

    @Test
    void aDecisionAboveTheAuthorisedAmountIsRejected() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(record(DECISION_APPROVED, AUTHORISED + 1))
                .expectNoEvents()
                .expectException(rejected(DecisionAboveAuthorisedAmount.class, "amount"))
                .expectExceptionMessage("the decided amount (交付決定額) 10000001 yen is above the authorised amount"
                        + " (示達額) 10000000 yen");
    }

    @Test
    void aDecisionOfExactlyTheAuthorisedAmountIsRecorded() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(record(DECISION_APPROVED, AUTHORISED))
                .expectEvents(step(DECISION_APPROVED, AUTHORISED));
    }

    @Test
    void aChangeGrantIsDecidedWithinItsOwnAuthority() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), procedure(ProcedureKind.CHANGE), authorised(),
                        step(ProcedureKind.CHANGE, EXPENDITURE_AUTHORITY_RECEIVED, 11_000_000L))
                .when(record(ProcedureKind.CHANGE, DECISION_APPROVED, 10_800_000L))
                .expectEvents(step(ProcedureKind.CHANGE, DECISION_APPROVED, 10_800_000L));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), procedure(ProcedureKind.CHANGE),
                        step(ProcedureKind.CHANGE, EXPENDITURE_AUTHORITY_RECEIVED, 11_000_000L))
                .when(record(ProcedureKind.CHANGE, DECISION_APPROVED, 11_000_001L))
                .expectNoEvents()
                .expectException(rejected(DecisionAboveAuthorisedAmount.class, "amount"));
    }

    // ---------------------------------------------------------------- decision → notice, payment

    @Test
    void aDecisionNoticeBeforeTheDecisionIsRejected() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(record(DECISION_NOTIFIED, null))
                .expectNoEvents()
                .expectException(rejected(StepOutOfOrder.class, "step"))
                .expectException(outOfOrder(DECISION_NOTIFIED, DECISION_APPROVED));
    }

    @Test
    void aGrantPaymentBeforeTheDecisionIsRejected() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(record(PAID, DECIDED))
                .expectNoEvents()
                .expectException(outOfOrder(PAID, DECISION_APPROVED));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), procedure(ProcedureKind.CHANGE), authorised(),
                        decided())
                .when(record(ProcedureKind.CHANGE, PAID, 500_000L))
                .expectNoEvents()
                .expectException(outOfOrder(PAID, DECISION_APPROVED));
    }

    @Test
    void aPaymentMayComeBeforeTheDecisionNotice() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(record(PAID, DECIDED))
                .expectEvents(step(PAID, DECIDED));
    }

    @Test
    void adjustmentAndSettlementPaymentsNeedNoDecision() {
        fixture.given(opened(), procedure(ProcedureKind.ADJUSTMENT))
                .when(record(ProcedureKind.ADJUSTMENT, PAID, 1_200_000L))
                .expectEvents(step(ProcedureKind.ADJUSTMENT, PAID, 1_200_000L));
        fixture.given(opened(), procedure(ProcedureKind.RECONFIRMATION))
                .when(record(ProcedureKind.RECONFIRMATION, PAID, 200_000L))
                .expectEvents(step(ProcedureKind.RECONFIRMATION, PAID, 200_000L));
    }

    // ---------------------------------------------------------------- report → confirmation → refund

    @Test
    void aConfirmationBeforeTheReportIsRejected() {
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION),
                        step(ProcedureKind.CONFIRMATION, REPORT_REQUESTED, null))
                .when(record(ProcedureKind.CONFIRMATION, AMOUNT_CONFIRMED, 9_500_000L))
                .expectNoEvents()
                .expectException(rejected(ConfirmationBeforeReport.class, "step"))
                .expectException(outOfOrder(AMOUNT_CONFIRMED, REPORT_SUBMITTED));
    }

    @Test
    void aConfirmationDatedBeforeTheReportIsRejected() {
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION),
                        step(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, 9_600_000L))
                .when(record(CONFIRMATION_ID, AMOUNT_CONFIRMED, LocalDate.of(2026, 7, 14), 9_500_000L))
                .expectNoEvents()
                .expectException(rejected(ConfirmationBeforeReport.class, "on"));
    }

    @Test
    void theAmountIsConfirmedFromTheReport() {
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION),
                        step(ProcedureKind.CONFIRMATION, REPORT_REQUESTED, null),
                        step(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, 9_600_000L),
                        step(ProcedureKind.CONFIRMATION, REVIEWED, null))
                .when(record(ProcedureKind.CONFIRMATION, AMOUNT_CONFIRMED, 9_500_000L))
                .expectEvents(step(ProcedureKind.CONFIRMATION, AMOUNT_CONFIRMED, 9_500_000L));
    }

    @Test
    void aRefundIsOrderedOnlyAfterTheConfirmation() {
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION),
                        step(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, 9_600_000L))
                .when(record(ProcedureKind.CONFIRMATION, REFUND_ORDERED, 300_000L))
                .expectNoEvents()
                .expectException(rejected(StepOutOfOrder.class, "step"))
                .expectException(outOfOrder(REFUND_ORDERED, AMOUNT_CONFIRMED));
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION),
                        step(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, 9_600_000L),
                        step(ProcedureKind.CONFIRMATION, AMOUNT_CONFIRMED, 9_500_000L))
                .when(record(ProcedureKind.CONFIRMATION, REFUND_ORDERED, 300_000L))
                .expectEvents(step(ProcedureKind.CONFIRMATION, REFUND_ORDERED, 300_000L));
    }

    @Test
    void aRefundIsReceivedOnlyAfterItWasOrdered() {
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION),
                        step(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, 9_600_000L),
                        step(ProcedureKind.CONFIRMATION, AMOUNT_CONFIRMED, 9_500_000L))
                .when(record(ProcedureKind.CONFIRMATION, REFUND_RECEIVED, 300_000L))
                .expectNoEvents()
                .expectException(outOfOrder(REFUND_RECEIVED, REFUND_ORDERED));
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION),
                        step(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, 9_600_000L),
                        step(ProcedureKind.CONFIRMATION, AMOUNT_CONFIRMED, 9_500_000L),
                        step(ProcedureKind.CONFIRMATION, REFUND_ORDERED, 300_000L))
                .when(record(ProcedureKind.CONFIRMATION, REFUND_RECEIVED, 300_000L))
                .expectEvents(step(ProcedureKind.CONFIRMATION, REFUND_RECEIVED, 300_000L));
    }

    // ---------------------------------------------------------------- everything else

    @Test
    void otherStepsComeInAnyOrder() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), step(APPLICATION_SUBMITTED, REQUESTED))
                .when(record(PRECONSULTATION_REQUESTED, null))
                .expectEvents(step(PRECONSULTATION_REQUESTED, null));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(EXPENDITURE_AUTHORITY_RECEIVED, AUTHORISED))
                .expectEvents(authorised());
    }
}
