package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.InvalidInput;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.command.CancelMilestone;
import casebook.kernel.engagement.command.PlanMilestone;
import casebook.kernel.engagement.command.SkipMilestone;
import casebook.kernel.engagement.event.MilestonePlanned;
import casebook.kernel.engagement.event.MilestoneRescheduled;
import casebook.kernel.time.PeriodPart;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.time.LocalTime;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Planning (予定), rescheduling, cancelling (中止) and skipping milestones. */
class MilestonePlanningTest {

    private static final LocalDate AUG_5 = LocalDate.of(2024, 8, 5);
    private static final LocalDate AUG_7 = LocalDate.of(2024, 8, 7);
    private static final PlannedPeriod MID_SEPTEMBER = new PlannedPeriod(2024, 9, PeriodPart.MID);

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ------------------------------------------------------------------ plan

    @Test
    void theKickOffIsPlannedWithItsTimesBeforeSelection() {
        fixture.given(registered())
                .when(new PlanMilestone(ID, M0_5, AUG_5, null, LocalTime.of(15, 0), LocalTime.of(16, 30),
                        MeetingMode.ONLINE, null, null, TODAY))
                .expectEvents(new MilestonePlanned(ID, M0_5, AUG_5, null, LocalTime.of(15, 0), LocalTime.of(16, 30),
                        MeetingMode.ONLINE, null, TODAY))
                .expectState(e -> assertThat(e.milestone(M0_5).status()).isEqualTo(MilestoneStatus.PLANNED));
    }

    @Test
    void aVisitMayBePlannedForPartOfAMonth() {
        fixture.given(registered(), selected())
                .when(new PlanMilestone(ID, VISIT_1, null, MID_SEPTEMBER, null, null, null, "久留米市役所", null, TODAY))
                .expectEvents(new MilestonePlanned(ID, VISIT_1, null, MID_SEPTEMBER, null, null, null, "久留米市役所", TODAY));
    }

    @Test
    void planningAgainReschedulesAndKeepsThePreviousPlan() {
        fixture.given(registered(), selected(), planned(M0_5, AUG_5))
                .when(new PlanMilestone(ID, M0_5, AUG_7, null, null, null, MeetingMode.ONLINE, null, "市の都合", TODAY))
                .expectEvents(new MilestoneRescheduled(ID, M0_5, AUG_5, null, AUG_7, null, null, null,
                        MeetingMode.ONLINE, null, "市の都合", TODAY))
                .expectState(e -> assertThat(e.milestone(M0_5).plannedOn()).isEqualTo(AUG_7));
    }

    @Test
    void planningACancelledMilestoneAgainReopensIt() {
        fixture.given(registered(), selected(), planned(M0_5, AUG_5), cancelled(M0_5))
                .when(plan(M0_5, AUG_7))
                .expectEvents(new MilestoneRescheduled(ID, M0_5, AUG_5, null, AUG_7, null, null, null,
                        MeetingMode.ONSITE, null, null, TODAY))
                .expectState(e -> assertThat(e.milestone(M0_5).status()).isEqualTo(MilestoneStatus.PLANNED));
    }

    @Test
    void onlineSessionsAreNumbered() {
        fixture.given(registered(), selected())
                .when(plan("ONLINE_SESSION_2", AUG_7))
                .expectEvents(planned("ONLINE_SESSION_2", AUG_7));
    }

    @Test
    void aMilestoneOutsideTheProgrammeTemplateIsUnknown() {
        fixture.given(registeredZaitaku(), selected())
                .when(plan(M0_5, AUG_5))
                .expectNoEvents()
                .expectException(rejected(UnknownMilestone.class, "milestone"));
        fixture.given(registered(), selected())
                .when(plan("VISIT_4", AUG_5))
                .expectNoEvents()
                .expectException(rejected(UnknownMilestone.class, "milestone"));
        fixture.given(registered(), selected())
                .when(plan("ONLINE_SESSION", AUG_5))
                .expectNoEvents()
                .expectException(rejected(UnknownMilestone.class, "milestone"));
    }

    @Test
    void aPlanHasADateOrAPeriodButNotBoth() {
        fixture.given(registered(), selected())
                .when(new PlanMilestone(ID, M0_5, AUG_5, MID_SEPTEMBER, null, null, null, null, null, TODAY))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "plannedOn"));
        fixture.given(registered(), selected())
                .when(new PlanMilestone(ID, M0_5, null, null, null, null, null, null, null, TODAY))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "plannedOn"));
    }

    @Test
    void aMeetingEndsAfterItStarts() {
        fixture.given(registered(), selected())
                .when(new PlanMilestone(ID, M0_5, AUG_5, null, LocalTime.of(16, 30), LocalTime.of(15, 0), null, null,
                        null, TODAY))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "endTime"));
    }

    @Test
    void aHeldMilestoneCannotBePlannedAgain() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(plan(M0_5, AUG_7))
                .expectNoEvents()
                .expectException(rejected(MilestoneAlreadyHeld.class, "milestone"));
    }

    @Test
    void nothingIsPlannedForAClosedEngagement() {
        fixture.given(registered(), selected(), held(M0_5), new casebook.kernel.engagement.event.EngagementClosed(ID,
                        TODAY, null, "市の体制変更", TODAY))
                .when(plan(VISIT_1, AUG_7))
                .expectNoEvents()
                .expectException(EngagementEnded.class);
    }

    // ------------------------------------------------------------------ cancel

    @Test
    void aPlannedVisitIsCancelledWithAReason() {
        fixture.given(registered(), selected(), planned(VISIT_1, AUG_7))
                .when(cancel(VISIT_1))
                .expectEvents(cancelled(VISIT_1))
                .expectState(e -> assertThat(e.milestone(VISIT_1).status()).isEqualTo(MilestoneStatus.CANCELLED));
    }

    @Test
    void cancellingNeedsAReason() {
        fixture.given(registered(), selected(), planned(VISIT_1, AUG_7))
                .when(new CancelMilestone(ID, VISIT_1, "", TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "reason"));
    }

    @Test
    void aHeldMilestoneCannotBeCancelled() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(cancel(M0_5))
                .expectNoEvents()
                .expectException(MilestoneAlreadyHeld.class);
    }

    @Test
    void aCancelledMilestoneIsNotCancelledTwice() {
        fixture.given(registered(), selected(), cancelled(M0_5))
                .when(cancel(M0_5))
                .expectNoEvents()
                .expectException(MilestoneAlreadySettled.class)
                .expectExceptionMessage("M0_5 is already CANCELLED");
    }

    // ------------------------------------------------------------------ skip

    @Test
    void aSupervisorSkipsTheKickOffWithAReason() {
        fixture.given(registered(), selected())
                .when(skip(M0_5))
                .expectEvents(skipped(M0_5))
                .expectState(e -> assertThat(e.milestone(M0_5).status()).isEqualTo(MilestoneStatus.SKIPPED));
    }

    @Test
    void skippingNeedsAReason() {
        fixture.given(registered(), selected())
                .when(new SkipMilestone(ID, M0_5, null, TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "reason"));
    }

    @Test
    void onlyTemplateMilestonesAreSkipped() {
        fixture.given(registered(), selected())
                .when(skip("ONLINE_SESSION_1"))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "milestone"));
    }

    @Test
    void aHeldMilestoneCannotBeSkipped() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(skip(M0_5))
                .expectNoEvents()
                .expectException(MilestoneAlreadyHeld.class);
    }
}
