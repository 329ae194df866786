package casebook.benchmark;

import java.lang.management.ManagementFactory;

/**
 * What this JVM spent on a stretch of work: the bytes all its threads allocated and its CPU time, beside the wall
 * time. On this machine the same rebuild takes a third longer or shorter as the machine's speed moves; the bytes
 * allocated move by about 2 % (the twenty-sixth session's runs of the same code), so a change is compared by them
 * first, and the cores used show whether the work waits on something other than the CPU.
 */
final class ProcessUse {

    private final long allocated = allocatedBytes();
    private final long cpu = cpuNanos();
    private final long start = System.nanoTime();

    static ProcessUse start() {
        return new ProcessUse();
    }

    /** For example "allocated 157.3 GiB, CPU 181 s in 124.0 s (73 % of 2 cores)". */
    String since() {
        double wall = (System.nanoTime() - start) / 1e9;
        long allocatedNow = allocatedBytes();
        long cpuNow = cpuNanos();
        int cores = Runtime.getRuntime().availableProcessors();
        String bytes = allocated < 0 || allocatedNow < 0 ? "allocated bytes not measured"
                : String.format("allocated %.1f GiB", (allocatedNow - allocated) / (double) (1L << 30));
        String time = cpu < 0 || cpuNow < 0 ? String.format("%.1f s", wall)
                : String.format("CPU %.0f s in %.1f s (%.0f %% of %d cores)", (cpuNow - cpu) / 1e9, wall,
                        100 * (cpuNow - cpu) / 1e9 / wall / cores, cores);
        return bytes + ", " + time;
    }

    private static long allocatedBytes() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()
                ? threads.getTotalThreadAllocatedBytes() : -1;
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
