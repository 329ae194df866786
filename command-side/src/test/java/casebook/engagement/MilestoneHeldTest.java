package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.InvalidInput;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.engagement.command.RecordMilestoneHeld;
import casebook.kernel.engagement.event.MilestoneHeld;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording that a milestone was held (実施), and the ordering rule of the template. */
class MilestoneHeldTest {

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void theFirstVisitIsHeldWithItsParticipantsCounted() {
        LocalDate on = LocalDate.of(2024, 9, 10);
        List<ParticipantGroup> participants = List.of(
                new ParticipantGroup("久留米市", "長寿支援課", "課長", 3),
                new ParticipantGroup("協議体", null, "委員", 12),
                new ParticipantGroup("九州厚生局", "地域包括ケア推進課", null, null));
        List<String> agenda = List.of("庁内で現状と課題を共有", "市長への表敬");
        fixture.given(registered(), selected(), advisorAssigned("adv-1"), held(M0_5))
                .when(new RecordMilestoneHeld(ID, VISIT_1, on, LocalTime.of(10, 0), LocalTime.of(16, 0),
                        MeetingMode.ONSITE, "久留米市役所", participants, agenda, "通所介護の利用実態を確認"))
                .expectEvents(new MilestoneHeld(ID, VISIT_1, on, LocalTime.of(10, 0), LocalTime.of(16, 0),
                        MeetingMode.ONSITE, "久留米市役所", participants, 15, agenda, "通所介護の利用実態を確認", on))
                .expectState(e -> {
                    assertThat(e.milestone(VISIT_1).status()).isEqualTo(MilestoneStatus.HELD);
                    assertThat(e.milestone(VISIT_1).heldOn()).isEqualTo(on);
                });
    }

    @Test
    void aVisitCannotBeHeldBeforeTheEarlierOnesAreSettled() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(hold(VISIT_2))
                .expectNoEvents()
                .expectException(outOfOrderUntil(VISIT_1))
                .expectExceptionMessage("VISIT_2 cannot be held before VISIT_1 (１回目支援) is held, cancelled or skipped");
    }

    @Test
    void theFirstUnsettledEarlierMilestoneIsNamed() {
        fixture.given(registered(), selected())
                .when(hold(REPORT_MEETING))
                .expectNoEvents()
                .expectException(outOfOrderUntil(M0_5));
    }

    @Test
    void aSkippedOrCancelledEarlierMilestoneNoLongerBlocks() {
        fixture.given(registered(), selected(), skipped(M0_5), cancelled(VISIT_1), held(M1_5))
                .when(hold(VISIT_2))
                .expectEvents(held(VISIT_2));
    }

    @Test
    void onlineSessionsMayBeHeldAtAnyTime() {
        fixture.given(registered(), selected())
                .when(hold("ONLINE_SESSION_1"))
                .expectEvents(held("ONLINE_SESSION_1"));
    }

    @Test
    void nothingIsHeldBeforeSelection() {
        fixture.given(registered(), entrySubmitted())
                .when(hold(M0_5))
                .expectNoEvents()
                .expectException(NotSelectedYet.class)
                .expectExceptionMessage("not selected yet (the engagement is ENTRY_SUBMITTED エントリー)");
    }

    @Test
    void nothingIsHeldAfterWithdrawal() {
        fixture.given(registered(), selected(), withdrawn())
                .when(hold(M0_5))
                .expectNoEvents()
                .expectException(EngagementEnded.class);
    }

    @Test
    void aMilestoneIsHeldOnlyOnce() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(hold(M0_5))
                .expectNoEvents()
                .expectException(rejected(MilestoneAlreadyHeld.class, "milestone"));
    }

    @Test
    void theDateAndTheModeAreRequired() {
        fixture.given(registered(), selected())
                .when(new RecordMilestoneHeld(ID, M0_5, null, null, null, MeetingMode.ONLINE, null, null, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "heldOn"));
        fixture.given(registered(), selected())
                .when(new RecordMilestoneHeld(ID, M0_5, heldOn(M0_5), null, null, null, null, null, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "mode"));
    }

    @Test
    void aDateFarFromTheFiscalYearIsATypingError() {
        fixture.given(registered(), selected())
                .when(new RecordMilestoneHeld(ID, M0_5, LocalDate.of(2023, 9, 30), null, null, MeetingMode.ONLINE,
                        null, null, null, null))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "heldOn"));
        fixture.given(registered(), selected())
                .when(new RecordMilestoneHeld(ID, M0_5, LocalDate.of(2042, 8, 5), null, null, MeetingMode.ONLINE,
                        null, null, null, null))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "heldOn"));
    }

    @Test
    void aPreparatoryMeetingSixMonthsBeforeTheFiscalYearIsPlausible() {
        LocalDate on = LocalDate.of(2023, 10, 1);
        fixture.given(registered(), selected())
                .when(new RecordMilestoneHeld(ID, M0_5, on, null, null, MeetingMode.ONLINE, null, null, null, null))
                .expectEvents(new MilestoneHeld(ID, M0_5, on, null, null, MeetingMode.ONLINE, null, List.of(), 0,
                        List.of(), null, on));
    }

    @Test
    void aNegativeHeadcountIsRejectedWithItsPosition() {
        fixture.given(registered(), selected())
                .when(new RecordMilestoneHeld(ID, M0_5, heldOn(M0_5), null, null, MeetingMode.ONLINE, null,
                        List.of(new ParticipantGroup("久留米市", null, null, 2),
                                new ParticipantGroup("協議体", null, null, -1)), null, null))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "participants[1].headcount"));
    }

    @Test
    void theMeetingEndsAfterItStarts() {
        fixture.given(registered(), selected())
                .when(new RecordMilestoneHeld(ID, M0_5, heldOn(M0_5), LocalTime.of(15, 0), LocalTime.of(15, 0),
                        MeetingMode.ONLINE, null, null, null, null))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "endTime"));
    }

    @Test
    void anUnknownMilestoneIsRejected() {
        fixture.given(registeredZaitaku(), selected())
                .when(hold(M1_5))
                .expectNoEvents()
                .expectException(rejected(UnknownMilestone.class, "milestone"));
    }

    // ------------------------------------------------------------------ other templates

    @Test
    void zaitakuVisitsAreHeldInOrder() {
        fixture.given(registeredZaitaku(), selected(), held(VISIT_1))
                .when(hold(VISIT_3))
                .expectNoEvents()
                .expectException(outOfOrderUntil(VISIT_2));
    }

    @Test
    void adviceIsGivenOnlyOnceTheDispatchIsDecided() {
        fixture.given(registeredDispatch(), selected(), held("APPLICATION"), held("ADVISOR_REQUESTED"),
                        held("ADVISOR_ACCEPTED"))
                .when(hold("ADVICE_1"))
                .expectNoEvents()
                .expectException(outOfOrderUntil("DISPATCH_DECIDED"));
    }

    @Test
    void adviceRepeatsAfterTheDispatchIsDecided() {
        fixture.given(registeredDispatch(), selected(), held("APPLICATION"), held("ADVISOR_REQUESTED"),
                        held("ADVISOR_ACCEPTED"), held("DISPATCH_DECIDED"), held("ADVICE_1"))
                .when(hold("ADVICE_2"))
                .expectEvents(held("ADVICE_2"));
    }

    @Test
    void theDispatchReportNeedsTheDecisionButNotAnyParticularAdvice() {
        fixture.given(registeredDispatch(), selected(), held("APPLICATION"), held("ADVISOR_REQUESTED"),
                        held("ADVISOR_ACCEPTED"), held("DISPATCH_DECIDED"))
                .when(hold("REPORTED"))
                .expectEvents(held("REPORTED"));
        fixture.given(registeredDispatch(), selected(), held("APPLICATION"), held("ADVISOR_REQUESTED"),
                        held("ADVISOR_ACCEPTED"))
                .when(hold("REPORTED"))
                .expectNoEvents()
                .expectException(MilestoneOutOfOrder.class);
    }
}
