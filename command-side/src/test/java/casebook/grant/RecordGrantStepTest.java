package casebook.grant;

import static casebook.grant.GrantFixtures.*;
import static casebook.kernel.grant.GrantStep.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.command.RecordGrantStep;
import casebook.kernel.grant.event.GrantStepRecorded;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Recording the steps of a procedure: the step must be the procedure's, with its amount in whole yen where it has one. */
class RecordGrantStepTest {

    private AggregateTestFixture<GrantCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void aPreConsultationIsSubmittedWithTheRequestedAmountAndItsDocuments() {
        LocalDate on = LocalDate.of(2025, 8, 29);
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(new RecordGrantStep(ID, INITIAL_ID, PRECONSULTATION_SUBMITTED, on, REQUESTED, "湯介第123号",
                        List.of("事前協議書.xlsx", "所要額調書.pdf"), "期限内提出"))
                .expectEvents(new GrantStepRecorded(ID, INITIAL_ID, ProcedureKind.INITIAL, PRECONSULTATION_SUBMITTED, on,
                        REQUESTED, "湯介第123号", List.of("事前協議書.xlsx", "所要額調書.pdf"), "期限内提出", on))
                .expectState(c -> assertThat(c.procedure(INITIAL_ID).steps())
                        .containsExactly(new RecordedStep(2, PRECONSULTATION_SUBMITTED, on, REQUESTED)));
    }

    @Test
    void aSubmissionMayBeRecordedBeforeItsFiguresAreKnown() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(APPLICATION_SUBMITTED, null))
                .expectEvents(step(APPLICATION_SUBMITTED, null));
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION))
                .when(record(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, null))
                .expectEvents(step(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, null));
    }

    @Test
    void requestsAndNoticesAreRecordedWithoutAnAmount() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(PRECONSULTATION_REQUESTED, null))
                .expectEvents(step(PRECONSULTATION_REQUESTED, null));
        fixture.given(opened(), procedure(ProcedureKind.ADJUSTMENT))
                .when(record(ProcedureKind.ADJUSTMENT, SURVEY_SUBMITTED, null))
                .expectEvents(step(ProcedureKind.ADJUSTMENT, SURVEY_SUBMITTED, null));
    }

    @Test
    void aStepWithoutAnAmountRoleTakesNoAmount() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(PRECONSULTATION_REQUESTED, 1_000L))
                .expectNoEvents()
                .expectException(rejected(NoAmountForStep.class, "amount"))
                .expectExceptionMessage("this step records no amount: PRECONSULTATION_REQUESTED (事前協議依頼)");
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided())
                .when(record(DECISION_NOTIFIED, DECIDED))
                .expectNoEvents()
                .expectException(rejected(NoAmountForStep.class, "amount"));
    }

    @ParameterizedTest
    @EnumSource(names = {"EXPENDITURE_AUTHORITY_RECEIVED", "DECISION_APPROVED", "PAID", "AMOUNT_CONFIRMED",
            "REFUND_ORDERED", "REFUND_RECEIVED", "AMOUNT_CALCULATED", "PROVISIONAL_NOTIFIED"})
    void decidedAndSettledAmountsAreRequired(GrantStep step) {
        ProcedureKind kind = switch (step) {
            case AMOUNT_CONFIRMED, REFUND_ORDERED, REFUND_RECEIVED -> ProcedureKind.CONFIRMATION;
            case AMOUNT_CALCULATED -> ProcedureKind.ADJUSTMENT;
            default -> ProcedureKind.INITIAL;
        };
        fixture.given(events(opened(), allProcedures()))
                .when(record(kind, step, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "amount"));
    }

    @Test
    void aNegativeAmountIsRejected() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(APPLICATION_SUBMITTED, -1L))
                .expectNoEvents()
                .expectException(rejected(NegativeAmount.class, "amount"))
                .expectExceptionMessage("amount must not be negative (-1 yen)");
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(EXPENDITURE_AUTHORITY_RECEIVED, -10_000_000L))
                .expectNoEvents()
                .expectException(rejected(NegativeAmount.class, "amount"));
    }

    @Test
    void aZeroAmountIsAnAmount() {
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION), step(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED,
                        null))
                .when(record(ProcedureKind.CONFIRMATION, AMOUNT_CONFIRMED, 0L))
                .expectEvents(step(ProcedureKind.CONFIRMATION, AMOUNT_CONFIRMED, 0L));
    }

    @Test
    void theProcedureMustExist() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record("no-such-procedure", REVIEWED, LocalDate.of(2026, 3, 4), null))
                .expectNoEvents()
                .expectException(rejected(UnknownProcedure.class, "procedureId"))
                .expectExceptionMessage("no procedure no-such-procedure in this grant case");
    }

    @Test
    void theStepMustBelongToTheProcedure() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(INITIAL_ID, AMOUNT_CONFIRMED, LocalDate.of(2026, 3, 4), 1_000L))
                .expectNoEvents()
                .expectException(rejected(StepNotInProcedure.class, "step"));
        fixture.given(opened(), procedure(ProcedureKind.ADJUSTMENT))
                .when(record(ADJUSTMENT_ID, DECISION_APPROVED, LocalDate.of(2026, 3, 4), 1_000L))
                .expectNoEvents()
                .expectException(rejected(StepNotInProcedure.class, "step"));
    }

    @Test
    void aStepIsRecordedOncePerProcedure() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), step(APPLICATION_SUBMITTED, REQUESTED))
                .when(record(APPLICATION_SUBMITTED, REQUESTED))
                .expectNoEvents()
                .expectException(rejected(StepAlreadyRecorded.class, "step"))
                .expectExceptionMessage("APPLICATION_SUBMITTED (交付申請提出) of procedure initial is already recorded;"
                        + " correct it instead");
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised())
                .when(record(EXPENDITURE_AUTHORITY_RECEIVED, 11_000_000L))
                .expectNoEvents()
                .expectException(rejected(StepAlreadyRecorded.class, "step"));
    }

    @Test
    void theSameStepInAnotherProcedureIsANewStep() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), procedure(ProcedureKind.CHANGE),
                        step(APPLICATION_SUBMITTED, REQUESTED))
                .when(record(ProcedureKind.CHANGE, APPLICATION_SUBMITTED, 13_000_000L))
                .expectEvents(step(ProcedureKind.CHANGE, APPLICATION_SUBMITTED, 13_000_000L));
    }

    @Test
    void paymentsComeInInstalments() {
        LocalDate second = LocalDate.of(2026, 3, 31);
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), authorised(), decided(), step(PAID, 5_000_000L))
                .when(record(INITIAL_ID, PAID, second, 4_800_000L))
                .expectEvents(step(INITIAL_ID, ProcedureKind.INITIAL, PAID, second, 4_800_000L))
                .expectState(c -> assertThat(c.procedure(INITIAL_ID).steps().stream()
                        .filter(s -> s.step() == PAID).map(RecordedStep::amount))
                        .containsExactly(5_000_000L, 4_800_000L));
    }

    @Test
    void refundsMayBeReceivedInInstalments() {
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION),
                        step(ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, 9_500_000L),
                        step(ProcedureKind.CONFIRMATION, AMOUNT_CONFIRMED, 9_500_000L),
                        step(ProcedureKind.CONFIRMATION, REFUND_ORDERED, 300_000L),
                        step(ProcedureKind.CONFIRMATION, REFUND_RECEIVED, 100_000L))
                .when(record(CONFIRMATION_ID, REFUND_RECEIVED, LocalDate.of(2027, 3, 26), 200_000L))
                .expectEvents(step(CONFIRMATION_ID, ProcedureKind.CONFIRMATION, REFUND_RECEIVED,
                        LocalDate.of(2027, 3, 26), 200_000L));
    }

    @Test
    void theAdjustmentGrantIsSurveyedCalculatedNotifiedAndPaid() {
        fixture.given(opened(), procedure(ProcedureKind.ADJUSTMENT),
                        step(ProcedureKind.ADJUSTMENT, SURVEY_REQUESTED, null),
                        step(ProcedureKind.ADJUSTMENT, SURVEY_SUBMITTED, null),
                        step(ProcedureKind.ADJUSTMENT, AMOUNT_CALCULATED, 1_200_000L),
                        step(ProcedureKind.ADJUSTMENT, PROVISIONAL_NOTIFIED, 1_200_000L))
                .when(record(ProcedureKind.ADJUSTMENT, PAID, 1_200_000L))
                .expectEvents(step(ProcedureKind.ADJUSTMENT, PAID, 1_200_000L));
    }

    @Test
    void stepAndDateAndProcedureAreRequired() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(INITIAL_ID, REVIEWED, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "on"));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(INITIAL_ID, null, LocalDate.of(2026, 3, 4), null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "step"));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(record(null, REVIEWED, LocalDate.of(2026, 3, 4), null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "procedureId"));
    }

    @Test
    void everyDocumentIsNamed() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(new RecordGrantStep(ID, INITIAL_ID, APPLICATION_SUBMITTED, LocalDate.of(2026, 2, 27), REQUESTED,
                        null, Arrays.asList("交付申請書.pdf", " "), null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "documents[1]"));
    }
}
