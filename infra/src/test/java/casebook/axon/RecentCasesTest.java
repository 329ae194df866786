package casebook.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class RecentCasesTest {

    @Test
    void theLeastRecentlyUsedCaseLeavesWhenANewOneComesIn() {
        RecentCases cases = new RecentCases(2);
        List<String> events = record(cases);
        cases.put("a", "A");
        cases.put("b", "B");
        assertThat((String) cases.get("a")).isEqualTo("A"); // a is now the most recently used

        cases.put("c", "C");

        assertThat(cases.containsKey("b")).isFalse();
        assertThat(cases.containsKey("a")).isTrue();
        assertThat(cases.containsKey("c")).isTrue();
        assertThat(cases.size()).isEqualTo(2);
        assertThat(cases.evictions()).isEqualTo(1);
        assertThat(events).containsExactly("created a", "created b", "read a", "created c", "expired b");
    }

    @Test
    void replacingACaseKeepsTheOthers() {
        RecentCases cases = new RecentCases(2);
        cases.put("a", "A1");
        cases.put("b", "B");
        cases.put("a", "A2");

        assertThat((String) cases.get("a")).isEqualTo("A2");
        assertThat((String) cases.get("b")).isEqualTo("B");
        assertThat(cases.evictions()).isZero();
    }

    /** What Axon's WeakReferenceCache does not do: a case no one else references survives collections. */
    @Test
    void aCaseStaysThroughGarbageCollections() {
        RecentCases cases = new RecentCases(10);
        cases.put("a", new StringBuilder("state of a"));
        WeakReference<Object> probe = new WeakReference<>(new Object());
        for (int i = 0; i < 100 && probe.get() != null; i++) {
            System.gc();
        }
        assertThat(probe.get()).as("a collection cleared the unreferenced probe").isNull();

        assertThat(cases.<String, StringBuilder>get("a")).hasToString("state of a");
    }

    @Test
    void lookUpsAreCountedByResult() {
        RecentCases cases = new RecentCases(10);
        cases.put("a", "A");
        cases.get("a");
        cases.get("a");
        cases.get("z");

        assertThat(cases.hits()).isEqualTo(2);
        assertThat(cases.misses()).isEqualTo(1);
    }

    @Test
    void computeIfAbsentComputesOnlyWhatIsMissing() {
        RecentCases cases = new RecentCases(10);
        AtomicInteger computed = new AtomicInteger();
        cases.put("a", "A");

        assertThat(cases.<String>computeIfAbsent("a", () -> "X" + computed.incrementAndGet())).isEqualTo("A");
        assertThat(cases.<String>computeIfAbsent("b", () -> "B" + computed.incrementAndGet())).isEqualTo("B1");
        assertThat((String) cases.get("b")).isEqualTo("B1");
        assertThat(computed).hasValue(1);
    }

    @Test
    void putIfAbsentLeavesAPresentCase() {
        RecentCases cases = new RecentCases(10);
        assertThat(cases.putIfAbsent("a", "A1")).isTrue();
        assertThat(cases.putIfAbsent("a", "A2")).isFalse();
        assertThat((String) cases.get("a")).isEqualTo("A1");
    }

    @Test
    void computeIfPresentUpdatesOrRemoves() {
        RecentCases cases = new RecentCases(10);
        List<String> events = record(cases);
        cases.put("a", "A");
        cases.<String>computeIfPresent("a", v -> v + "+");
        cases.<String>computeIfPresent("z", v -> v + "+");
        assertThat((String) cases.get("a")).isEqualTo("A+");
        cases.<String>computeIfPresent("a", v -> null);

        assertThat(cases.containsKey("a")).isFalse();
        assertThat(events).containsExactly("created a", "updated a", "read a", "removed a");
    }

    @Test
    void removedCasesAreForgottenAndListenersToldOnce() {
        RecentCases cases = new RecentCases(10);
        List<String> events = record(cases);
        cases.put("a", "A");
        cases.put("b", "B");
        assertThat(cases.remove("a")).isTrue();
        assertThat(cases.remove("a")).isFalse();
        cases.removeAll();

        assertThat(cases.size()).isZero();
        assertThat(events).containsExactly("created a", "created b", "removed a", "removed b");
    }

    @Test
    void aListenerCanBeRemoved() {
        RecentCases cases = new RecentCases(10);
        List<String> events = new ArrayList<>();
        var registration = cases.registerCacheEntryListener(listener(events));
        cases.put("a", "A");
        registration.cancel();
        cases.put("b", "B");

        assertThat(events).containsExactly("created a");
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new RecentCases(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }

    private static List<String> record(RecentCases cases) {
        List<String> events = new ArrayList<>();
        cases.registerCacheEntryListener(listener(events));
        return events;
    }

    private static Cache.EntryListener listener(List<String> events) {
        return new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                events.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                events.add("updated " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                events.add("read " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                events.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                events.add("expired " + key);
            }
        };
    }
}
