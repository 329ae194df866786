package casebook.axon;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.engagement.SupportEngagement;
import casebook.grant.GrantCase;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.junit.jupiter.api.Test;

/** Snapshots are used only if taken of the aggregate's current shape (its @Revision). */
class CurrentRevisionSnapshotsTest {

    private final CurrentRevisionSnapshots filter = new CurrentRevisionSnapshots();

    @Test
    void aSnapshotOfTheCurrentRevisionIsUsed() {
        assertThat(filter.allow(snapshot(SupportEngagement.class.getName(), "2"))).isTrue();
        assertThat(filter.allow(snapshot(GrantCase.class.getName(), "2"))).isTrue();
    }

    @Test
    void aSnapshotOfAnOlderShapeOrOfAnUnknownTypeIsPassedOver() {
        assertThat(filter.allow(snapshot(SupportEngagement.class.getName(), null))).isFalse();
        assertThat(filter.allow(snapshot(GrantCase.class.getName(), "1"))).isFalse();
        assertThat(filter.allow(snapshot("casebook.gone.OldAggregate", null))).isFalse();
    }

    @Test
    void aTypeWithoutRevisionTakesSnapshotsWithoutOne() {
        assertThat(filter.allow(snapshot(String.class.getName(), null))).isTrue();
        assertThat(filter.allow(snapshot(String.class.getName(), "2"))).isFalse();
    }

    private static GenericDomainEventEntry<String> snapshot(String type, String revision) {
        return new GenericDomainEventEntry<>(type, "case-1", 7, "snapshot-1", "2026-01-01T00:00:00Z", type, revision,
                "{}", "{}");
    }
}
