package casebook.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstancesTest {

    /** The shares of all instances hold every segment, and no two instances' shares differ by more than one. */
    @ParameterizedTest
    @CsvSource({"4,1", "4,2", "4,3", "4,4", "1,3", "8,3", "16,5"})
    void sharesCoverEverySegmentEvenly(int segments, int instances) {
        int[] shares = IntStream.range(0, instances).map(rank -> Instances.share(segments, instances, rank)).toArray();
        assertThat(IntStream.of(shares).sum()).isEqualTo(Math.max(segments, instances));
        assertThat(IntStream.of(shares).max().getAsInt() - IntStream.of(shares).min().getAsInt()).isLessThanOrEqualTo(1);
        assertThat(IntStream.of(shares).min().getAsInt()).isGreaterThanOrEqualTo(1);
    }
}
