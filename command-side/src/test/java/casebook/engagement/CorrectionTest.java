package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.InvalidInput;
import casebook.kernel.engagement.CorrectedFields;
import casebook.kernel.engagement.command.CorrectEngagementRecord;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.kernel.engagement.event.FindingRecorded;
import casebook.kernel.engagement.event.MilestoneRescheduled;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 訂正: a wrongly recorded fact is corrected by a new event naming the old one by sequence number (0-based). */
class CorrectionTest {

    private static final LocalDate CORRECTED_ON = LocalDate.of(2025, 2, 1);
    private static final LocalDate AUG_6 = LocalDate.of(2024, 8, 6);

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void theDateAKickOffWasHeldIsCorrected() {
        // 0 registered, 1 selected, 2 M0_5 held on 2024-08-05 (it was really the 6th)
        fixture.given(registered(), selected(), held(M0_5))
                .when(correct(2, heldOnCorrection(AUG_6)))
                .expectEvents(new EngagementRecordCorrected(ID, 2, "MilestoneHeld", heldOnCorrection(AUG_6), "日付の誤記",
                        CORRECTED_ON))
                .expectState(e -> {
                    assertThat(e.milestone(M0_5).heldOn()).isEqualTo(AUG_6);
                    assertThat(e.milestone(VISIT_1).heldOn()).isNull();
                });
    }

    @Test
    void theHistoryOfAClosedEngagementMayStillBeCorrected() {
        fixture.given(events(registered(), selected(), heldUpTo(REPORT_MEETING), closed()))
                .when(correct(2, heldOnCorrection(AUG_6)))
                .expectEvents(new EngagementRecordCorrected(ID, 2, "MilestoneHeld", heldOnCorrection(AUG_6), "日付の誤記",
                        CORRECTED_ON));
    }

    @Test
    void theSelectionDateAndAnAdvisorsAffiliationAreCorrected() {
        fixture.given(registered(), selected(), advisorAssigned("adv-1"))
                .when(correct(1, selectedOnCorrection(LocalDate.of(2024, 6, 21))))
                .expectState(e -> assertThat(e.selectedOn()).isEqualTo(LocalDate.of(2024, 6, 21)));
        fixture.given(registered(), selected(), advisorAssigned("adv-1"))
                .when(correct(2, advisorCorrection(null, "△△大学")))
                .expectEvents(new EngagementRecordCorrected(ID, 2, "AdvisorAssigned", advisorCorrection(null, "△△大学"),
                        "日付の誤記", CORRECTED_ON))
                .expectState(e -> assertThat(e.advisor("adv-1").affiliation()).isEqualTo("△△大学"));
    }

    @Test
    void correctingASupersededPlanLeavesTheCurrentPlanAlone() {
        LocalDate aug5 = LocalDate.of(2024, 8, 5);
        LocalDate aug7 = LocalDate.of(2024, 8, 7);
        fixture.given(registered(), selected(), planned(M0_5, aug5), new MilestoneRescheduled(ID, M0_5, aug5, null,
                        aug7, null, null, null, null, null, null, TODAY))
                .when(correct(2, plannedOnCorrection(LocalDate.of(2024, 8, 4))))
                .expectEvents(new EngagementRecordCorrected(ID, 2, "MilestonePlanned",
                        plannedOnCorrection(LocalDate.of(2024, 8, 4)), "日付の誤記", CORRECTED_ON))
                .expectState(e -> assertThat(e.milestone(M0_5).plannedOn()).isEqualTo(aug7));
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(new CorrectEngagementRecord(ID, 2, " ", heldOnCorrection(AUG_6), CORRECTED_ON))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "reason"));
    }

    @Test
    void aCorrectionNamesAnEventOfThisEngagement() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(correct(3, heldOnCorrection(AUG_6)))
                .expectNoEvents()
                .expectException(rejected(UnknownEventToCorrect.class, "correctsEvent"))
                .expectExceptionMessage("this engagement has no event 3 (its events are 0 to 2)");
        fixture.given(registered(), selected(), held(M0_5))
                .when(correct(-1, heldOnCorrection(AUG_6)))
                .expectNoEvents()
                .expectException(rejected(UnknownEventToCorrect.class, "correctsEvent"));
    }

    @Test
    void aCorrectionIsNotCorrected() {
        fixture.given(registered(), selected(), held(M0_5),
                        new EngagementRecordCorrected(ID, 2, "MilestoneHeld", heldOnCorrection(AUG_6), "誤記", CORRECTED_ON))
                .when(correct(3, heldOnCorrection(LocalDate.of(2024, 8, 7))))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "correctsEvent"));
    }

    @Test
    void aCorrectionWithoutFieldsOnlyMarksTheEventAsWrong() {
        var wrongOnly = new EngagementRecordCorrected(ID, 2, "MilestoneHeld", CorrectedFields.none(), "日付の誤記",
                CORRECTED_ON);
        fixture.given(registered(), selected(), held(M0_5))
                .when(correct(2, null))
                .expectEvents(wrongOnly)
                .expectState(e -> assertThat(e.milestone(M0_5).heldOn()).isEqualTo(heldOn(M0_5)));
        fixture.given(registered(), selected(), held(M0_5))
                .when(correct(2, noCorrection()))
                .expectEvents(wrongOnly);
    }

    @Test
    void anEventWhoseFieldsCannotBeCorrectedMayStillBeMarkedWrong() {
        fixture.given(registered(), selected(), cancelled(M0_5))
                .when(correct(2, null))
                .expectEvents(new EngagementRecordCorrected(ID, 2, "MilestoneCancelled", CorrectedFields.none(),
                        "日付の誤記", CORRECTED_ON));
        fixture.given(registered(), selected(), cancelled(M0_5))
                .when(correct(2, heldOnCorrection(AUG_6)))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "fields.heldOn"));
    }

    @Test
    void aCorrectionIsNotMarkedWrongEither() {
        fixture.given(registered(), selected(), held(M0_5),
                        new EngagementRecordCorrected(ID, 2, "MilestoneHeld", heldOnCorrection(AUG_6), "誤記", CORRECTED_ON))
                .when(correct(3, null))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "correctsEvent"));
    }

    @Test
    void onlyTheFieldsOfTheCorrectedEventTypeMayBeCorrected() {
        fixture.given(registered(), selected(), planned(M0_5, LocalDate.of(2024, 8, 5)))
                .when(correct(2, summaryCorrection("議事概要")))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "fields.summary"));
        fixture.given(registered(), selected(), held(M0_5))
                .when(correct(1, heldOnCorrection(AUG_6)))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "fields.heldOn"));
    }

    @Test
    void aCancellationIsUndoneByPlanningAgainNotByCorrection() {
        fixture.given(registered(), selected(), cancelled(M0_5))
                .when(correct(2, textCorrection("別の理由")))
                .expectNoEvents()
                .expectException(rejected(NotCorrectable.class, "fields.text"));
    }

    @Test
    void correctedValuesObeyTheOriginalRules() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(correct(2, heldOnCorrection(LocalDate.of(2042, 8, 5))))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "fields.heldOn"));
        fixture.given(registered(), selected(), held(M0_5), new FindingRecorded(ID, "f-1", M0_5, "気づき", TODAY))
                .when(correct(3, textCorrection(" ")))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "fields.text"));
    }
}
