package casebook.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A checkpoint writes a replay's kept cases a hundred at a time, and forgets only those written (ADR 0023). */
class KeptCasesTest {

    private final List<List<String>> writes = new ArrayList<>();

    private static Map<String, String> cases(int count) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            changed.put("case-" + i, "view of case-" + i);
        }
        return changed;
    }

    @Test
    void aCheckpointWritesEveryKeptCaseOnceInSlicesOfAHundred() {
        KeptCases<String> kept = new KeptCases<>(1_000, slice -> writes.add(List.copyOf(slice)));
        assertThat(kept.keep(cases(250))).isEmpty();

        kept.writeAll();

        assertThat(writes).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(writes.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(cases(250).values());
        assertThat(kept.size()).isZero();
    }

    @Test
    void aFailedSliceLeavesItAndTheRestKeptAndTheWrittenOnesForgotten() {
        KeptCases<String> kept = new KeptCases<>(1_000, slice -> {
            if (!writes.isEmpty()) {
                throw new IllegalStateException("the store is gone");
            }
            writes.add(List.copyOf(slice));
        });
        kept.keep(cases(250));

        assertThatThrownBy(kept::writeAll).hasMessage("the store is gone");

        assertThat(kept.size()).isEqualTo(150);
        assertThat(kept.contains("case-99")).isFalse();
        assertThat(kept.get("case-100")).isEqualTo("view of case-100");
    }

    @Test
    void inAReplayOntoAnEmptiedReadModelOnlyCasesWrittenOrTriedMayBeStored() {
        KeptCases<String> kept = new KeptCases<>(2, slice -> {
            writes.add(List.copyOf(slice));
            throw new IllegalStateException("the store is gone");
        }, true);
        assertThat(kept.mayBeStored("case-0")).isFalse();

        assertThat(kept.keep(cases(3))).as("pushed out, for the caller to write").containsExactly("view of case-0");
        assertThat(kept.mayBeStored("case-0")).isTrue();
        assertThat(kept.mayBeStored("case-1")).as("kept, not written yet").isFalse();

        assertThatThrownBy(kept::writeAll).hasMessage("the store is gone");
        assertThat(kept.mayBeStored("case-1")).as("a failed write may have stored it").isTrue();
        assertThat(kept.mayBeStored("case-7")).isFalse();

        kept.forgetWritten();
        assertThat(kept.mayBeStored("case-7")).as("once the segment wrote elsewhere, any case may be stored").isTrue();
    }

    @Test
    void otherwiseAnyCaseMayBeStored() {
        KeptCases<String> kept = new KeptCases<>(2, slice -> writes.add(List.copyOf(slice)));
        assertThat(kept.mayBeStored("case-0")).isTrue();
    }
}
