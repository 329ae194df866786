package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.InvalidInput;
import casebook.kernel.engagement.OutputKind;
import casebook.kernel.engagement.command.CompleteHomework;
import casebook.kernel.engagement.command.DropHomework;
import casebook.kernel.engagement.command.RecordDecision;
import casebook.kernel.engagement.command.RecordFinding;
import casebook.kernel.engagement.command.RecordOutput;
import casebook.kernel.engagement.event.DecisionRecorded;
import casebook.kernel.engagement.event.HomeworkItemAdded;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 気づき, 決定, 宿題 and 成果物: what the support produces. */
class EngagementRecordsTest {

    private static final LocalDate OCT_1 = LocalDate.of(2024, 10, 1);

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ------------------------------------------------------------------ findings

    @Test
    void aFindingComesOutOfAHeldVisit() {
        fixture.given(registered(), selected(), held(M0_5), held(VISIT_1))
                .when(new RecordFinding(ID, "f-1", VISIT_1, "通所介護の不適切な利用", TODAY))
                .expectEvents(findingRecorded("f-1"));
    }

    @Test
    void noFindingsFromAVisitThatHasNotTakenPlace() {
        fixture.given(registered(), selected(), held(M0_5), planned(VISIT_1, LocalDate.of(2024, 9, 10)))
                .when(new RecordFinding(ID, "f-1", VISIT_1, "通所介護の不適切な利用", TODAY))
                .expectNoEvents()
                .expectException(MilestoneNotHeld.class)
                .expectExceptionMessage("VISIT_1 has not been held (it is PLANNED)");
    }

    @Test
    void aFindingNeedsItsText() {
        fixture.given(registered(), selected(), held(M0_5), held(VISIT_1))
                .when(new RecordFinding(ID, "f-1", VISIT_1, " ", TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "text"));
    }

    @Test
    void aFindingIdIsUsedOnce() {
        fixture.given(registered(), selected(), held(M0_5), held(VISIT_1), findingRecorded("f-1"))
                .when(new RecordFinding(ID, "f-1", VISIT_1, "別の気づき", TODAY))
                .expectNoEvents()
                .expectException(rejected(DuplicateId.class, "findingId"));
    }

    // ------------------------------------------------------------------ decisions

    @Test
    void aDecisionTakenAtTheCheckInIsRecorded() {
        fixture.given(registered(), selected(), held(M0_5), held(VISIT_1), held(M1_5))
                .when(new RecordDecision(ID, "d-1", M1_5, OCT_1, "2回目は職員のみで協議"))
                .expectEvents(decisionRecorded("d-1"));
    }

    @Test
    void aDecisionNeedNotBelongToAMilestone() {
        fixture.given(registered(), selected())
                .when(new RecordDecision(ID, "d-1", null, OCT_1, "来年度に新たな仕組みを構築"))
                .expectEvents(new DecisionRecorded(ID, "d-1", null, OCT_1, "来年度に新たな仕組みを構築", OCT_1));
    }

    @Test
    void aDecisionNeedsItsDateAndText() {
        fixture.given(registered(), selected())
                .when(new RecordDecision(ID, "d-1", null, null, "決定"))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "decidedOn"));
        fixture.given(registered(), selected())
                .when(new RecordDecision(ID, "d-1", null, OCT_1, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "text"));
    }

    @Test
    void aDecisionNamesOnlyMilestonesOfTheProgramme() {
        fixture.given(registeredZaitaku(), selected())
                .when(new RecordDecision(ID, "d-1", M1_5, OCT_1, "決定"))
                .expectNoEvents()
                .expectException(rejected(UnknownMilestone.class, "milestone"));
    }

    @Test
    void aDecisionIdIsUsedOnce() {
        fixture.given(registered(), selected(), decisionRecorded("d-1"))
                .when(new RecordDecision(ID, "d-1", null, OCT_1, "決定"))
                .expectNoEvents()
                .expectException(rejected(DuplicateId.class, "decisionId"));
    }

    // ------------------------------------------------------------------ homework

    @Test
    void homeworkIsDueBeforeTheFirstVisit() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(addHomework("hw-1", VISIT_1, null))
                .expectEvents(homeworkAdded("hw-1"))
                .expectState(e -> assertThat(e.homeworkItem("hw-1").isOpen()).isTrue());
    }

    @Test
    void homeworkMayBeDueOnADate() {
        LocalDate due = LocalDate.of(2024, 9, 1);
        fixture.given(registered(), selected())
                .when(addHomework("hw-1", null, due))
                .expectEvents(new HomeworkItemAdded(ID, "hw-1", "包括から実際のケアプランを収集", "久留米市", null, due, TODAY));
    }

    @Test
    void homeworkIsDueBeforeAMilestoneOrOnADateNotBoth() {
        fixture.given(registered(), selected())
                .when(addHomework("hw-1", VISIT_1, LocalDate.of(2024, 9, 1)))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "dueBefore"));
    }

    @Test
    void homeworkNeedsADescription() {
        fixture.given(registered(), selected())
                .when(new casebook.kernel.engagement.command.AddHomework(ID, "hw-1", null, null, null, null, TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "description"));
    }

    @Test
    void homeworkIsDueBeforeAMilestoneOfTheProgramme() {
        fixture.given(registeredZaitaku(), selected())
                .when(addHomework("hw-1", M1_5, null))
                .expectNoEvents()
                .expectException(rejected(UnknownMilestone.class, "dueBefore"));
    }

    @Test
    void homeworkCannotBeDueBeforeAMilestoneAlreadyHeld() {
        fixture.given(registered(), selected(), held(M0_5), held(VISIT_1))
                .when(addHomework("hw-1", VISIT_1, null))
                .expectNoEvents()
                .expectException(rejected(MilestoneAlreadyHeld.class, "dueBefore"));
    }

    @Test
    void aHomeworkItemIdIsUsedOnce() {
        fixture.given(registered(), selected(), homeworkAdded("hw-1"))
                .when(addHomework("hw-1", VISIT_1, null))
                .expectNoEvents()
                .expectException(rejected(DuplicateId.class, "itemId"));
    }

    @Test
    void homeworkIsCompleted() {
        fixture.given(registered(), selected(), homeworkAdded("hw-1"))
                .when(new CompleteHomework(ID, "hw-1", LocalDate.of(2024, 9, 1), null))
                .expectEvents(homeworkCompleted("hw-1"))
                .expectState(e -> assertThat(e.homeworkItem("hw-1").state()).isEqualTo(HomeworkItem.State.COMPLETED));
    }

    @Test
    void unknownHomeworkCannotBeCompleted() {
        fixture.given(registered(), selected())
                .when(new CompleteHomework(ID, "hw-9", LocalDate.of(2024, 9, 1), null))
                .expectNoEvents()
                .expectException(rejected(UnknownHomeworkItem.class, "itemId"));
    }

    @Test
    void homeworkIsCompletedOnlyOnce() {
        fixture.given(registered(), selected(), homeworkAdded("hw-1"), homeworkCompleted("hw-1"))
                .when(new CompleteHomework(ID, "hw-1", LocalDate.of(2024, 9, 2), null))
                .expectNoEvents()
                .expectException(HomeworkNotOpen.class);
    }

    @Test
    void completingHomeworkNeedsTheDate() {
        fixture.given(registered(), selected(), homeworkAdded("hw-1"))
                .when(new CompleteHomework(ID, "hw-1", null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "completedOn"));
    }

    @Test
    void homeworkNoLongerNeededIsDropped() {
        fixture.given(registered(), selected(), homeworkAdded("hw-1"))
                .when(new DropHomework(ID, "hw-1", "不要になった", TODAY))
                .expectEvents(homeworkDropped("hw-1"));
    }

    @Test
    void droppingNeedsAnOpenItemAndAReason() {
        fixture.given(registered(), selected())
                .when(new DropHomework(ID, "hw-9", "不要", TODAY))
                .expectNoEvents()
                .expectException(UnknownHomeworkItem.class);
        fixture.given(registered(), selected(), homeworkAdded("hw-1"), homeworkDropped("hw-1"))
                .when(new DropHomework(ID, "hw-1", "不要", TODAY))
                .expectNoEvents()
                .expectException(HomeworkNotOpen.class);
        fixture.given(registered(), selected(), homeworkAdded("hw-1"))
                .when(new DropHomework(ID, "hw-1", null, TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "reason"));
    }

    // ------------------------------------------------------------------ outputs

    @Test
    void theRoadmapDraftOfTheThirdVisitIsRecorded() {
        fixture.given(events(registered(), selected(), heldUpTo(VISIT_3)))
                .when(new RecordOutput(ID, "o-1", OutputKind.ROADMAP_DRAFT, "ロードマップ案", null, VISIT_3,
                        LocalDate.of(2025, 1, 20)))
                .expectEvents(outputRecorded("o-1"));
    }

    @Test
    void anOutputNeedsItsKindAndTitle() {
        fixture.given(registered(), selected())
                .when(new RecordOutput(ID, "o-1", null, "ロードマップ案", null, null, TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "kind"));
        fixture.given(registered(), selected())
                .when(new RecordOutput(ID, "o-1", OutputKind.FLYER, "", null, null, TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "title"));
    }

    @Test
    void anOutputIdIsUsedOnce() {
        fixture.given(registered(), selected(), outputRecorded("o-1"))
                .when(new RecordOutput(ID, "o-1", OutputKind.FLYER, "チラシ", null, null, TODAY))
                .expectNoEvents()
                .expectException(rejected(DuplicateId.class, "outputId"));
    }
}
