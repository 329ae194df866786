package casebook.benchmark;

import casebook.embedded.StandaloneServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The embedded MongoDB-wire server as a process of its own ({@code -DstoreProcess=true}): the topology of
 * production, where the database's pages are not in Casebook's heap, on the same store and the same two cores. In
 * one JVM the store's freshly written pages are what each young collection of the application copies (twenty-ninth
 * session); here each JVM collects its own garbage. The raw baselines then go over the same loopback connection as
 * the application's commands.
 */
final class StoreProcess implements AutoCloseable {

    private final Process process;
    private final String uri;

    private StoreProcess(Process process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts {@link StandaloneServer} on {@code dataDir} with a heap of {@code heap} and waits until it listens. */
    static StoreProcess start(Path dataDir, String heap) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        // The store's JVM alone profiled or logged (-DstoreJavaOptions="-XX:StartFlightRecording=..."); JAVA_TOOL_OPTIONS
        // reaches both JVMs.
        String options = System.getProperty("storeJavaOptions", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StandaloneServer.class.getName(),
                "--data-dir=" + dataDir, "--port=" + port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread echo = new Thread(() -> echo(process, ready), "store-process-log");
        echo.setDaemon(true);
        echo.start();
        try {
            String uri = ready.get(5, TimeUnit.MINUTES); // opening a million-event store re-reads its chunks' metadata
            System.out.printf("store process: pid %d, heap %s, %s%n", process.pid(), heap, uri);
            return new StoreProcess(process, uri);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the store process did not start", e);
        }
    }

    /** Passes the server's lines on, prefixed, and completes {@code ready} with its address once it listens. */
    private static void echo(Process process, CompletableFuture<String> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(StandaloneServer.READY)) {
                    ready.complete(line.substring(StandaloneServer.READY.length()).trim());
                }
                System.out.println("[store] " + line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("the store process ended"));
    }

    String uri() {
        return uri;
    }

    /** The process's peak resident set so far, in MiB. */
    long peakRssMib() throws IOException {
        return NationalBenchmark.statusBytes(Long.toString(process.pid()), "VmHWM") >> 20;
    }

    /** Stops the server as an operator would (its shutdown hook commits and closes the store) and waits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }
}
