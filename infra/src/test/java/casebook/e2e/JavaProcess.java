package casebook.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class of this project started as a process of its own (same class path), for tests that kill
 * processes: its output is drained into a short tail for failure messages, and {@link #awaitLine} waits for a log
 * line (the process says it is ready) rather than for a time.
 */
final class JavaProcess implements AutoCloseable {

    private static final int TAIL = 200;

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<Watch> watches = new ArrayList<>();

    private record Watch(String text, CountDownLatch seen) {
    }

    private JavaProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::drain, name + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    static JavaProcess start(String name, String heap, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new JavaProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void drain() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL) {
                        tail.removeFirst();
                    }
                    for (Watch w : watches) {
                        if (line.contains(w.text())) {
                            w.seen().countDown();
                        }
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Waits until the process prints a line containing {@code text} (also if it printed it already). */
    boolean awaitLine(String text, Duration timeout) throws InterruptedException {
        return watch(text).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Watches for a line containing {@code text} from now on (or already in the tail): the latch is at zero once it
     * was printed, however many lines follow it.
     */
    CountDownLatch watch(String text) {
        CountDownLatch seen = new CountDownLatch(1);
        synchronized (tail) {
            if (tail.stream().anyMatch(l -> l.contains(text))) {
                seen.countDown();
            } else {
                watches.add(new Watch(text, seen));
            }
        }
        return seen;
    }

    /** The last lines the process printed, for a failure message. */
    String tail() {
        synchronized (tail) {
            return name + ":\n" + String.join("\n", tail);
        }
    }

    /** SIGKILL on Linux: no shutdown hook runs, nothing is released or flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
