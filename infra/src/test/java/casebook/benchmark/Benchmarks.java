package casebook.benchmark;

/**
 * What {@code ./mvnw -B -pl infra -Pbenchmark verify} runs: {@code -Dbenchmark=append-replay} (the default,
 * {@link AppendReplayBenchmark}), {@code -Dbenchmark=national} ({@link NationalBenchmark}) or
 * on a kept store {@code -Dbenchmark=rebuild} ({@link RebuildBenchmark}), {@code -Dbenchmark=reads}
 * ({@link ReadsBenchmark}) or {@code -Dbenchmark=commands} ({@link CommandsBenchmark}); the embedded server alone
 * {@code -Dbenchmark=replace} ({@link ReplaceBenchmark}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = System.getProperty("benchmark", "append-replay");
        switch (which) {
            case "append-replay" -> AppendReplayBenchmark.main(args);
            case "national" -> NationalBenchmark.main(args);
            case "rebuild" -> RebuildBenchmark.main(args);
            case "reads" -> ReadsBenchmark.main(args);
            case "commands" -> CommandsBenchmark.main(args);
            case "replace" -> ReplaceBenchmark.main(args);
            default -> throw new IllegalArgumentException("-Dbenchmark=" + which
                    + ": expected append-replay, national, rebuild, reads, commands or replace");
        }
    }
}
