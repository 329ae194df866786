package casebook.kernel.engagement;

import static casebook.kernel.engagement.EngagementStatus.*;
import static casebook.kernel.engagement.MilestoneStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngagementProgressTest {

    private static Map<String, MilestoneStatus> kasokuka(MilestoneStatus... statuses) {
        Map<String, MilestoneStatus> m = new LinkedHashMap<>();
        var kinds = Programme.KASOKUKA.sequence();
        for (int i = 0; i < statuses.length; i++) {
            m.put(kinds.get(i).name(), statuses[i]);
        }
        return m;
    }

    @Test
    void followsTheMilestonesOfA加速化Engagement() {
        assertThat(EngagementProgress.derive(SELECTED, Programme.KASOKUKA, kasokuka(), false)).isEqualTo(SELECTED);
        assertThat(EngagementProgress.derive(SELECTED, Programme.KASOKUKA, kasokuka(), true)).isEqualTo(TEAM_FORMED);
        assertThat(EngagementProgress.derive(TEAM_FORMED, Programme.KASOKUKA, kasokuka(HELD, PLANNED), true)).isEqualTo(IN_SUPPORT);
        assertThat(EngagementProgress.derive(IN_SUPPORT, Programme.KASOKUKA,
                kasokuka(HELD, HELD, SKIPPED, HELD, CANCELLED, HELD, PLANNED), true)).isEqualTo(SUPPORT_COMPLETED);
        assertThat(EngagementProgress.derive(SUPPORT_COMPLETED, Programme.KASOKUKA,
                kasokuka(HELD, HELD, HELD, HELD, HELD, HELD, HELD), true)).isEqualTo(REPORTED);
    }

    @Test
    void movesBackWhenTheFactsDo() {
        // The 3rd visit was cancelled, then planned again: support is no longer complete.
        assertThat(EngagementProgress.derive(SUPPORT_COMPLETED, Programme.KASOKUKA,
                kasokuka(HELD, HELD, HELD, HELD, HELD, PLANNED), false)).isEqualTo(IN_SUPPORT);
        assertThat(EngagementProgress.derive(TEAM_FORMED, Programme.KASOKUKA, kasokuka(), false)).isEqualTo(SELECTED);
    }

    @Test
    void skippingEverythingIsNotCompletingTheSupport() {
        assertThat(EngagementProgress.derive(SELECTED, Programme.ZAITAKU_RENKEI,
                Map.of("VISIT_1", SKIPPED, "VISIT_2", SKIPPED, "VISIT_3", SKIPPED), false)).isEqualTo(SELECTED);
    }

    @Test
    void candidatesAndEndedEngagementsKeepTheirStatus() {
        assertThat(EngagementProgress.derive(CANDIDATE, Programme.KASOKUKA, kasokuka(HELD), true)).isEqualTo(CANDIDATE);
        assertThat(EngagementProgress.derive(CLOSED, Programme.KASOKUKA, kasokuka(HELD), true)).isEqualTo(CLOSED);
        assertThat(EngagementProgress.derive(WITHDRAWN, Programme.KASOKUKA, kasokuka(), true)).isEqualTo(WITHDRAWN);
    }

    @Test
    void repeatableAdviceCountsOnceOneIsSettledAndNoneIsOnlyPlanned() {
        Map<String, MilestoneStatus> dispatch = new LinkedHashMap<>(Map.of("APPLICATION", HELD, "ADVISOR_REQUESTED", HELD,
                "ADVISOR_ACCEPTED", HELD, "DISPATCH_DECIDED", HELD, "ADVICE_1", HELD, "ADVICE_2", PLANNED));
        assertThat(EngagementProgress.derive(IN_SUPPORT, Programme.ADVISOR_DISPATCH, dispatch, true)).isEqualTo(IN_SUPPORT);
        dispatch.put("ADVICE_2", HELD);
        assertThat(EngagementProgress.derive(IN_SUPPORT, Programme.ADVISOR_DISPATCH, dispatch, true)).isEqualTo(SUPPORT_COMPLETED);
    }
}
