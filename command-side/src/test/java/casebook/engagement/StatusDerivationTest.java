package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.command.SelectEngagement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the engagement's status (候補 … 報告済 … 終了) follows from what happened. */
class StatusDerivationTest {

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void aKasokukaEngagementGoesThroughAllSevenMilestonesToClosing() {
        List<Object> history = new ArrayList<>(List.of(registered(), entrySubmitted()));
        fixture.given(history).when(new SelectEngagement(ID, SELECTED_ON, null))
                .expectEvents(selected()).expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.SELECTED));
        history.add(selected());
        fixture.given(history).when(assign("adv-1"))
                .expectEvents(advisorAssigned("adv-1"))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.TEAM_FORMED));
        history.add(advisorAssigned("adv-1"));

        Map<String, EngagementStatus> after = Map.of(
                M0_5, EngagementStatus.IN_SUPPORT, VISIT_1, EngagementStatus.IN_SUPPORT,
                M1_5, EngagementStatus.IN_SUPPORT, VISIT_2, EngagementStatus.IN_SUPPORT,
                M2_5, EngagementStatus.IN_SUPPORT, VISIT_3, EngagementStatus.SUPPORT_COMPLETED,
                REPORT_MEETING, EngagementStatus.REPORTED);
        for (String milestone : KASOKUKA_SEQUENCE) {
            fixture.given(history).when(hold(milestone))
                    .expectEvents(held(milestone))
                    .expectState(e -> assertThat(e.status()).as("after " + milestone).isEqualTo(after.get(milestone)));
            history.add(held(milestone));
        }

        fixture.given(history).when(close(null))
                .expectEvents(closed())
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.CLOSED));
    }

    @Test
    void cancellingTheLastOpenVisitCompletesTheSupport() {
        fixture.given(events(registered(), selected(), heldUpTo(M2_5)))
                .when(cancel(VISIT_3))
                .expectEvents(cancelled(VISIT_3))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.SUPPORT_COMPLETED));
    }

    @Test
    void replanningACancelledVisitReopensTheSupport() {
        fixture.given(events(registered(), selected(), heldUpTo(M2_5), cancelled(VISIT_3)))
                .when(plan(VISIT_3, LocalDate.of(2025, 2, 3)))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.IN_SUPPORT));
    }

    @Test
    void anOnlineSessionAloneStartsTheSupport() {
        fixture.given(registered(), selected())
                .when(hold("ONLINE_SESSION_1"))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.IN_SUPPORT));
    }

    @Test
    void skippingEverythingIsNotCompletingTheSupport() {
        fixture.given(events(registered(), selected(), skipped(M0_5), skipped(VISIT_1), skipped(M1_5),
                        skipped(VISIT_2), skipped(M2_5)))
                .when(skip(VISIT_3))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.SELECTED));
    }

    @Test
    void aZaitakuEngagementIsCompleteAfterItsThirdVisitAndHasNoReport() {
        fixture.given(registeredZaitaku(), selected(), held(VISIT_1), held(VISIT_2))
                .when(hold(VISIT_3))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.SUPPORT_COMPLETED));
    }

    @Test
    void aBureauOwnEngagementStaysInSupportUntilClosed() {
        fixture.given(registeredBureauOwn(), selected(), held("SESSION_1"), held("SESSION_2"))
                .when(hold("ONLINE_SESSION_1"))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.IN_SUPPORT));
    }

    @Test
    void anAdvisorDispatchIsCompleteOnceAdviceIsGivenAndReportedWhenReported() {
        List<Object> decided = List.of(registeredDispatch(), selected(), held("APPLICATION"),
                held("ADVISOR_REQUESTED"), held("ADVISOR_ACCEPTED"), held("DISPATCH_DECIDED"));
        fixture.given(decided).when(plan("ADVICE_1", LocalDate.of(2024, 11, 1)))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.IN_SUPPORT));
        List<Object> advised = new ArrayList<>(decided);
        advised.add(planned("ADVICE_2", LocalDate.of(2024, 12, 1)));
        fixture.given(advised).when(hold("ADVICE_1"))
                .expectState(e -> assertThat(e.status()).as("ADVICE_2 still planned")
                        .isEqualTo(EngagementStatus.IN_SUPPORT));
        advised.add(held("ADVICE_1"));
        fixture.given(advised).when(hold("ADVICE_2"))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.SUPPORT_COMPLETED));
        advised.add(held("ADVICE_2"));
        fixture.given(advised).when(hold("REPORTED"))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.REPORTED));
    }
}
