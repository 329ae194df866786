package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.ThemeCode;
import casebook.kernel.engagement.command.AssignAdvisor;
import casebook.kernel.engagement.command.UnassignAdvisor;
import casebook.kernel.engagement.command.UpdateThemes;
import casebook.kernel.engagement.event.AdvisorUnassigned;
import casebook.kernel.engagement.event.ThemesUpdated;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 支援チーム編成 (advisors) and 支援テーマ. */
class SupportTeamTest {

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void theFirstAdvisorOfASelectedEngagementFormsTheTeam() {
        fixture.given(registered(), selected())
                .when(assign("adv-1"))
                .expectEvents(advisorAssigned("adv-1"))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.TEAM_FORMED));
    }

    @Test
    void anAdvisorAssignedBeforeSelectionLeavesTheCandidateACandidate() {
        fixture.given(registered())
                .when(assign("adv-1"))
                .expectEvents(advisorAssigned("adv-1"))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.CANDIDATE));
    }

    @Test
    void selectingAnEngagementThatAlreadyHasAnAdvisorFormsTheTeam() {
        fixture.given(registered(), advisorAssigned("adv-1"))
                .when(new casebook.kernel.engagement.command.SelectEngagement(ID, SELECTED_ON, null))
                .expectEvents(selected())
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.TEAM_FORMED));
    }

    @Test
    void anAdvisorNeedsAName() {
        fixture.given(registered(), selected())
                .when(new AssignAdvisor(ID, "adv-1", " ", "○○大学", null, TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "name"));
    }

    @Test
    void theSameAdvisorCannotBeAssignedTwice() {
        fixture.given(registered(), selected(), advisorAssigned("adv-1"))
                .when(assign("adv-1"))
                .expectNoEvents()
                .expectException(rejected(DuplicateId.class, "advisorId"))
                .expectExceptionMessage("adv-1 is already assigned to this engagement");
    }

    @Test
    void noAdvisorsJoinAClosedEngagement() {
        fixture.given(events(registered(), selected(), heldUpTo(REPORT_MEETING), closed()))
                .when(assign("adv-1"))
                .expectNoEvents()
                .expectException(EngagementEnded.class);
    }

    @Test
    void unassigningTheOnlyAdvisorDissolvesTheTeam() {
        fixture.given(registered(), selected(), advisorAssigned("adv-1"))
                .when(new UnassignAdvisor(ID, "adv-1", "体調不良のため交代", TODAY))
                .expectEvents(new AdvisorUnassigned(ID, "adv-1", "体調不良のため交代", TODAY))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.SELECTED));
    }

    @Test
    void onlyAnAssignedAdvisorCanBeUnassigned() {
        fixture.given(registered(), selected(), advisorAssigned("adv-1"))
                .when(new UnassignAdvisor(ID, "adv-2", "交代", TODAY))
                .expectNoEvents()
                .expectException(rejected(UnknownAdvisor.class, "advisorId"));
    }

    @Test
    void unassigningNeedsAReason() {
        fixture.given(registered(), selected(), advisorAssigned("adv-1"))
                .when(new UnassignAdvisor(ID, "adv-1", null, TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "reason"));
    }

    @Test
    void anUnassignedAdvisorMayBeAssignedAgain() {
        fixture.given(registered(), selected(), advisorAssigned("adv-1"), new AdvisorUnassigned(ID, "adv-1", "交代", TODAY))
                .when(assign("adv-1"))
                .expectEvents(advisorAssigned("adv-1"));
    }

    @Test
    void themesAreReplacedAsAWhole() {
        List<Theme> themes = List.of(new Theme(ThemeCode.MOBILITY_SUPPORT, "移動支援"),
                new Theme(ThemeCode.GATHERING_PLACES, null));
        fixture.given(registered(), selected())
                .when(new UpdateThemes(ID, themes, "1回目支援を受けて追加", TODAY))
                .expectEvents(new ThemesUpdated(ID, themes, "1回目支援を受けて追加", TODAY));
    }

    @Test
    void themesMayBeClearedButNotLeftOut() {
        fixture.given(registered())
                .when(new UpdateThemes(ID, List.of(), null, TODAY))
                .expectEvents(new ThemesUpdated(ID, List.of(), null, TODAY));
        fixture.given(registered())
                .when(new UpdateThemes(ID, null, null, TODAY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "themes"));
    }

    @Test
    void theThemesOfAWithdrawnEngagementStayAsTheyWere() {
        fixture.given(registered(), withdrawn())
                .when(new UpdateThemes(ID, List.of(), null, TODAY))
                .expectNoEvents()
                .expectException(EngagementEnded.class);
    }
}
