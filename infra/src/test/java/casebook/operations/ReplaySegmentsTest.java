package casebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
}
