package casebook.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded MongoDB-wire server as a process of its own, so that several Casebook instances can share one
 * store on a machine without MongoDB (trying out several instances, and the scale-out test). It is not a
 * production database: one process, one file, no replication, no authentication or TLS (so it listens on the
 * loopback address unless told otherwise); production uses a MongoDB replica set.
 * <p>
 * {@code java -cp <casebook classpath> casebook.embedded.StandaloneServer [--data-dir=./data] [--host=127.0.0.1]
 * [--port=27017]}, then start each instance with {@code MONGODB_URI=mongodb://127.0.0.1:27017}. The instances
 * find the server's durable-commit command and use it before they acknowledge a command, so an acknowledged
 * command survives a crash of the server as it does in-process.
 */
public final class StandaloneServer {

    /** Printed once the server listens; scripts and tests wait for it. */
    public static final String READY = "Casebook embedded MongoDB-wire server listening at ";

    private StandaloneServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String dataDir = option(args, "data-dir", "./data");
        String host = option(args, "host", "127.0.0.1");
        int port = Integer.parseInt(option(args, "port", "27017"));
        EmbeddedMongo mongo = EmbeddedMongo.start(Path.of(dataDir), new InetSocketAddress(host, port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            stopped.countDown();
        }, "embedded-mongo-shutdown"));
        System.out.println(READY + mongo.connectionString());
        System.out.flush();
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        String prefix = "--" + name + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }
}
