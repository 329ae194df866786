package casebook.grant;

import static casebook.grant.GrantFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.InvalidInput;
import casebook.kernel.grant.GrantCalendars;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.PlannedStep;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.command.OpenProcedure;
import casebook.kernel.grant.event.GrantProcedureOpened;
import casebook.kernel.time.PeriodPart;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Procedures (当初交付, 変更交付 …) and their planned schedules: the default calendar unless the officer gives one. */
class OpenProcedureTest {

    private AggregateTestFixture<GrantCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void theInitialGrantFollowsTheFy2025CalendarByDefault() {
        List<PlannedStep> calendar = List.of(
                period(GrantStep.PRECONSULTATION_REQUESTED, 2025, 7, PeriodPart.LATE),
                period(GrantStep.PRECONSULTATION_SUBMITTED, 2025, 8, PeriodPart.LATE),
                period(GrantStep.PROVISIONAL_NOTIFIED, 2025, 11, PeriodPart.LATE),
                period(GrantStep.APPLICATION_REQUESTED, 2026, 2, PeriodPart.MID),
                period(GrantStep.APPLICATION_SUBMITTED, 2026, 2, PeriodPart.LATE),
                period(GrantStep.DECISION_NOTIFIED, 2026, 3, PeriodPart.MID),
                period(GrantStep.PAID, 2026, 3, PeriodPart.LATE));
        fixture.given(opened())
                .when(openProcedure(ProcedureKind.INITIAL))
                .expectEvents(new GrantProcedureOpened(ID, INITIAL_ID, ProcedureKind.INITIAL, 1, calendar, OPENED_ON))
                .expectState(c -> {
                    assertThat(c.procedure(INITIAL_ID).kind()).isEqualTo(ProcedureKind.INITIAL);
                    assertThat(c.procedure(INITIAL_ID).number()).isEqualTo(1);
                    assertThat(c.procedure(INITIAL_ID).steps()).isEmpty();
                });
    }

    @Test
    void theConfirmationOfFy2025IsPlannedInFy2026() {
        List<PlannedStep> calendar = List.of(
                new PlannedStep(GrantStep.REPORT_REQUESTED, LocalDate.of(2026, 5, 14), null, null),
                new PlannedStep(GrantStep.REPORT_SUBMITTED, null, new PlannedPeriod(2026, 6, PeriodPart.AROUND),
                        new PlannedPeriod(2026, 7, PeriodPart.AROUND)),
                period(GrantStep.CONFIRMATION_NOTIFIED, 2027, 1, PeriodPart.MID),
                period(GrantStep.PAID, 2027, 1, PeriodPart.LATE));
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(openProcedure(ProcedureKind.CONFIRMATION))
                .expectEvents(new GrantProcedureOpened(ID, CONFIRMATION_ID, ProcedureKind.CONFIRMATION, 1, calendar,
                        OPENED_ON));
    }

    @Test
    void aGivenScheduleIsKept() {
        List<PlannedStep> schedule = List.of(
                new PlannedStep(GrantStep.APPLICATION_SUBMITTED, LocalDate.of(2026, 2, 27), null, null),
                new PlannedStep(GrantStep.DECISION_APPROVED, null, new PlannedPeriod(2026, 3, PeriodPart.MID),
                        new PlannedPeriod(2026, 3, PeriodPart.LATE)),
                period(GrantStep.PAID, 2026, 3, PeriodPart.LATE));
        fixture.given(opened())
                .when(openProcedure(INITIAL_ID, ProcedureKind.INITIAL, schedule))
                .expectEvents(new GrantProcedureOpened(ID, INITIAL_ID, ProcedureKind.INITIAL, 1, schedule, OPENED_ON));
    }

    @Test
    void anEmptyScheduleMeansNothingPlannedNotTheDefault() {
        fixture.given(opened())
                .when(openProcedure(ADJUSTMENT_ID, ProcedureKind.ADJUSTMENT, List.of()))
                .expectEvents(new GrantProcedureOpened(ID, ADJUSTMENT_ID, ProcedureKind.ADJUSTMENT, 1, List.of(),
                        OPENED_ON));
    }

    @Test
    void changeGrantsMayRepeatAndAreNumbered() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL), procedure(CHANGE_ID, ProcedureKind.CHANGE, 1))
                .when(openProcedure("change-2", ProcedureKind.CHANGE, List.of()))
                .expectEvents(new GrantProcedureOpened(ID, "change-2", ProcedureKind.CHANGE, 2, List.of(), OPENED_ON))
                .expectState(c -> assertThat(c.procedure("change-2").number()).isEqualTo(2));
    }

    @Test
    void theOtherKindsHappenOncePerCase() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(openProcedure("initial-2", ProcedureKind.INITIAL, null))
                .expectNoEvents()
                .expectException(rejected(ProcedureAlreadyOpen.class, "kind"));
        fixture.given(opened(), procedure(ProcedureKind.CONFIRMATION))
                .when(openProcedure("confirmation-2", ProcedureKind.CONFIRMATION, null))
                .expectNoEvents()
                .expectException(rejected(ProcedureAlreadyOpen.class, "kind"));
    }

    @Test
    void aProcedureIdIsUsedOnce() {
        fixture.given(opened(), procedure(ProcedureKind.INITIAL))
                .when(openProcedure(INITIAL_ID, ProcedureKind.CHANGE, null))
                .expectNoEvents()
                .expectException(rejected(DuplicateProcedureId.class, "procedureId"));
    }

    @Test
    void onlyTheGrantsOwnProceduresAreOpened() {
        fixture.given(openedSaitamaFund())
                .when(openProcedure(ProcedureKind.ADJUSTMENT))
                .expectNoEvents()
                .expectException(rejected(ProcedureNotForGrant.class, "kind"));
        fixture.given(openedSagaKoiki())
                .when(openProcedure(ProcedureKind.RECONFIRMATION))
                .expectNoEvents()
                .expectException(rejected(ProcedureNotForGrant.class, "kind"));
    }

    @Test
    void theFundAndTheKoikiRengoTakeTheirOwnCalendars() {
        fixture.given(openedSagaKoiki())
                .when(openProcedure(CHANGE_ID, ProcedureKind.CHANGE, null))
                .expectEvents(new GrantProcedureOpened(ID, CHANGE_ID, ProcedureKind.CHANGE, 1,
                        GrantCalendars.defaultPlan(GrantType.KOKI_ITTAI, ProcedureKind.CHANGE, FY), OPENED_ON));
    }

    @Test
    void everyPlannedStepBelongsToTheProcedure() {
        fixture.given(opened())
                .when(openProcedure(INITIAL_ID, ProcedureKind.INITIAL, List.of(
                        period(GrantStep.APPLICATION_SUBMITTED, 2026, 2, PeriodPart.LATE),
                        period(GrantStep.AMOUNT_CONFIRMED, 2026, 3, PeriodPart.LATE))))
                .expectNoEvents()
                .expectException(rejected(StepNotInProcedure.class, "plannedSchedule[1].step"));
    }

    @Test
    void aPlannedStepHasADateOrAPeriodNotBoth() {
        LocalDate on = LocalDate.of(2026, 2, 27);
        PlannedPeriod late = new PlannedPeriod(2026, 2, PeriodPart.LATE);
        fixture.given(opened())
                .when(openProcedure(INITIAL_ID, ProcedureKind.INITIAL,
                        List.of(new PlannedStep(GrantStep.APPLICATION_SUBMITTED, on, late, null))))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "plannedSchedule[0]"));
        fixture.given(opened())
                .when(openProcedure(INITIAL_ID, ProcedureKind.INITIAL, List.of(period(GrantStep.PAID, 2026, 3,
                        PeriodPart.LATE), new PlannedStep(GrantStep.APPLICATION_SUBMITTED, null, null, null))))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "plannedSchedule[1]"));
        fixture.given(opened())
                .when(openProcedure(INITIAL_ID, ProcedureKind.INITIAL,
                        List.of(new PlannedStep(GrantStep.APPLICATION_SUBMITTED, on, null, late))))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "plannedSchedule[0].until"));
    }

    @Test
    void aPlannedStepNamesItsStep() {
        fixture.given(opened())
                .when(openProcedure(INITIAL_ID, ProcedureKind.INITIAL,
                        List.of(new PlannedStep(null, LocalDate.of(2026, 2, 27), null, null))))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "plannedSchedule[0].step"));
        fixture.given(opened())
                .when(openProcedure(INITIAL_ID, ProcedureKind.INITIAL, Arrays.asList((PlannedStep) null)))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "plannedSchedule[0]"));
    }

    @Test
    void idKindAndBusinessDateAreRequired() {
        fixture.given(opened())
                .when(openProcedure(" ", ProcedureKind.INITIAL, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "procedureId"));
        fixture.given(opened())
                .when(openProcedure(INITIAL_ID, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "kind"));
        fixture.given(opened())
                .when(new OpenProcedure(ID, INITIAL_ID, ProcedureKind.INITIAL, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "occurredOn"));
    }

    private static PlannedStep period(GrantStep step, int year, int month, PeriodPart part) {
        return new PlannedStep(step, null, new PlannedPeriod(year, month, part), null);
    }
}
