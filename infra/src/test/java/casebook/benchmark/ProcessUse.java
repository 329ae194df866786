package casebook.benchmark;

import java.lang.management.GarbageCollectorMXBean;
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
    private final long[] pauses = collectorPauses();
    private final long start = System.nanoTime();

    static ProcessUse start() {
        return new ProcessUse();
    }

    /**
     * For example "allocated 75.4 GiB, CPU 152 s in 105.4 s (72 % of 2 cores), collector pauses 195 in 9.5 s": the
     * pauses stop every thread, so their seconds are wall time no other work had.
     */
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
        long[] pausesNow = collectorPauses();
        return bytes + ", " + time + String.format(", collector pauses %d in %.1f s", pausesNow[0] - pauses[0],
                (pausesNow[1] - pauses[1]) / 1e3);
    }

    /** The bytes this JVM's threads allocated since the start, or -1 where the JVM does not count them. */
    long allocatedBytesSince() {
        long now = allocatedBytes();
        return allocated < 0 || now < 0 ? -1 : now - allocated;
    }

    /** The collections of every collector and their milliseconds (for G1 the pauses; its concurrent work is not in it). */
    private static long[] collectorPauses() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
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
