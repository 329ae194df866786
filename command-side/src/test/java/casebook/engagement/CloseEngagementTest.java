package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.command.CloseEngagement;
import casebook.kernel.engagement.event.EngagementClosed;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 終了: after the report, or early with a reason. */
class CloseEngagementTest {

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void aReportedEngagementClosesWithoutAReason() {
        fixture.given(events(registered(), selected(), heldUpTo(REPORT_MEETING)))
                .when(close(null))
                .expectEvents(closed())
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.CLOSED));
    }

    @Test
    void aCompletedZaitakuEngagementClosesWithoutAReason() {
        fixture.given(registeredZaitaku(), selected(), held(VISIT_1), held(VISIT_2), held(VISIT_3))
                .when(close(null))
                .expectEvents(closed());
    }

    @Test
    void closingEarlyIsAllowedWithAReason() {
        LocalDate on = LocalDate.of(2024, 12, 1);
        fixture.given(registered(), selected(), held(M0_5))
                .when(new CloseEngagement(ID, on, null, "市の体制変更により中断"))
                .expectEvents(new EngagementClosed(ID, on, null, "市の体制変更により中断", on));
    }

    @Test
    void closingEarlyWithoutAReasonIsRejected() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(close(null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "reason"))
                .expectExceptionMessage("closing before the support is complete (支援中) needs a reason");
    }

    @Test
    void aCandidateIsNotClosedButWithdrawnOrNotSelected() {
        fixture.given(registered(), entrySubmitted())
                .when(close("中止"))
                .expectNoEvents()
                .expectException(NotSelectedYet.class);
    }

    @Test
    void aClosedEngagementIsNotClosedAgain() {
        fixture.given(events(registered(), selected(), heldUpTo(REPORT_MEETING), closed()))
                .when(close(null))
                .expectNoEvents()
                .expectException(EngagementEnded.class);
    }

    @Test
    void closingNeedsTheDate() {
        fixture.given(events(registered(), selected(), heldUpTo(REPORT_MEETING)))
                .when(new CloseEngagement(ID, null, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "closedOn"));
    }
}
