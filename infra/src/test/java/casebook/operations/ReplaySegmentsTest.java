package casebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** Which replay segment replays each projection segment in a full rebuild. */
class ReplaySegmentsTest {

    @Test
    void fourEvenSegmentsAreReplayedOnTheTwoTheyWereSplitFrom() {
        // Axon splits segment 0 (mask 1) into 0 and 2, segment 1 into 1 and 3.
        assertThat(FullRebuild.replaySegments(new int[] {0, 1, 2, 3})).isEqualTo(Map.of(0, 0, 1, 1, 2, 0, 3, 1));
        assertThat(FullRebuild.replaySegments(new int[] {0, 1, 2, 3, 4, 5, 6, 7}))
                .isEqualTo(Map.of(0, 0, 1, 1, 2, 2, 3, 3, 4, 0, 5, 1, 6, 2, 7, 3));
    }

    @Test
    void fewerOrUnevenSegmentsAreReplayedOnTheSameOnes() {
        assertThat(FullRebuild.replaySegments(new int[] {0})).isEqualTo(Map.of(0, 0));
        assertThat(FullRebuild.replaySegments(new int[] {0, 1})).isEqualTo(Map.of(0, 0, 1, 1));
        // Segment 1 of two split again: 0 and 2 are quarters, 1 a half.
        assertThat(FullRebuild.replaySegments(new int[] {0, 1, 2})).isEqualTo(Map.of(0, 0, 1, 1, 2, 2));
    }

    @Test
    void aReplaySegmentReplaysUpToTheFurthestOfItsProjectionSegmentsTokensOrNoneOnAnEmptyLog() {
        Map<Integer, Integer> replayedBy = FullRebuild.replaySegments(new int[] {0, 1, 2, 3});
        Map<Integer, TrackingToken> atReset = new HashMap<>();
        atReset.put(0, GapAwareTrackingToken.newInstance(40, List.of()));
        atReset.put(1, GapAwareTrackingToken.newInstance(44, List.of()));
        atReset.put(2, GapAwareTrackingToken.newInstance(42, List.of()));
        atReset.put(3, null);

        Map<Integer, TrackingToken> upTo = FullRebuild.replayUpTo(replayedBy, atReset);

        assertThat(upTo.keySet()).containsExactly(0, 1);
        assertThat(upTo.get(0).position()).hasValue(42L);
        assertThat(upTo.get(1).position()).hasValue(44L);

        Map<Integer, TrackingToken> none = new HashMap<>();
        replayedBy.keySet().forEach(segment -> none.put(segment, null));
        Map<Integer, TrackingToken> empty = FullRebuild.replayUpTo(replayedBy, none);
        assertThat(empty).containsOnlyKeys(0, 1);
        assertThat(empty.values()).containsOnlyNulls();
    }
}
