package casebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress figures of an operation, and what the registry keeps. */
class OperationsTest {

    private final Operations operations = new Operations(Clock.systemUTC());

    @Test
    void progressHasAPercentageARateAndTheTimeLeft() throws Exception {
        OperationProgress op = operations.begin("rebuild", "casebook.progress", "admin", 1_000);
        Thread.sleep(50);
        op.advanceTo(250);
        op.advanceTo(100); // never backwards
        OperationProgress.View v = op.view();
        assertThat(v.state()).isEqualTo(OperationProgress.State.RUNNING);
        assertThat(v.processed()).isEqualTo(250);
        assertThat(v.total()).isEqualTo(1_000);
        assertThat(v.percent()).isEqualTo(25.0);
        assertThat(v.rate()).isPositive();
        // Three quarters left at the rate so far: three times the time taken so far, give or take the clock.
        assertThat(v.etaSeconds()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(op.line()).contains("rebuild casebook.progress", "250 of 1,000 (25.0 %)", "/s", "left");

        op.succeed(null);
        v = op.view();
        assertThat(v.state()).isEqualTo(OperationProgress.State.SUCCEEDED);
        assertThat(v.etaSeconds()).isNull();
        assertThat(v.finishedAt()).isNotNull();
    }

    @Test
    void anUnknownTotalGivesNoPercentageAndNoTimeLeft() {
        OperationProgress op = operations.begin("import", "x.ndjson", "cli", 0);
        op.advanceTo(10);
        assertThat(op.view().total()).isNull();
        assertThat(op.view().percent()).isNull();
        assertThat(op.view().etaSeconds()).isNull();
    }

    @Test
    void aStartedOperationRunsOnItsOwnThreadAndRecordsItsResultOrError() throws Exception {
        OperationProgress ok = operations.start("verify", null, "admin", 3, op -> {
            op.advanceTo(3);
            return "fine";
        });
        OperationProgress failed = operations.start("verify", "other", "admin", 3, op -> {
            throw new IllegalStateException("store unreachable");
        });
        awaitFinished(ok);
        awaitFinished(failed);
        assertThat(ok.view().state()).isEqualTo(OperationProgress.State.SUCCEEDED);
        assertThat(ok.view().result()).isEqualTo("fine");
        assertThat(failed.view().state()).isEqualTo(OperationProgress.State.FAILED);
        assertThat(failed.view().error()).isEqualTo("store unreachable");
        assertThat(operations.running("verify", null)).isEmpty();
    }

    @Test
    void theRegistryKeepsTheRecentFinishedOnesAndEveryRunningOne() {
        OperationProgress running = operations.begin("rebuild", "casebook.audittrail", "admin", 10);
        for (int i = 0; i < Operations.KEEP + 20; i++) {
            operations.begin("export", null, "admin", 1).succeed(null);
        }
        List<OperationProgress.View> listed = operations.list();
        assertThat(listed).hasSize(Operations.KEEP);
        assertThat(listed.get(0).kind()).isEqualTo("export"); // newest first
        assertThat(listed).extracting(OperationProgress.View::id).contains(running.id());
        assertThat(operations.running("rebuild", "casebook.audittrail")).containsSame(running);
    }

    private static void awaitFinished(OperationProgress op) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (op.state() == OperationProgress.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
