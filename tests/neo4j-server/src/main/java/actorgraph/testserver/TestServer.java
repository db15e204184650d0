package actorgraph.testserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Embedded Neo4j Community with a Bolt listener on 127.0.0.1, for tests.
 *
 * <p>Usage: {@code TestServer <data dir> <port> <password> [--exit-on-stdin-eof]}. Prints
 * {@code NEO4J READY bolt://127.0.0.1:<port>} once the default database answers,
 * and shuts the databases down cleanly on SIGTERM so a restart on the same data
 * directory recovers nothing half-written. With {@code --exit-on-stdin-eof} it also
 * shuts down when its standard input closes, so a crashed test run leaves no
 * orphan server behind on a shared machine.
 */
public final class TestServer {
    private static final String USER = "neo4j";

    private TestServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            run(args);
        } catch (RuntimeException | Error e) {
            // Neo4j's own threads would keep a failed JVM alive: exit so the launcher sees it at once.
            e.printStackTrace();
            System.err.println("NEO4J FAILED: " + e);
            System.exit(1);
        }
    }

    private static void run(String[] args) throws InterruptedException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: TestServer <data dir> <port> <password> [--exit-on-stdin-eof]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = args[2];

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                // Tests stop the server mid-write on purpose: do not wait 10 s for open transactions.
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(1))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        setPassword(dbms, password);
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            System.err.println("NEO4J FAILED: default database not available");
            System.exit(1);
        }
        System.out.println("NEO4J READY bolt://127.0.0.1:" + port);
        System.out.flush();
        if (args.length == 4 && "--exit-on-stdin-eof".equals(args[3])) {
            exitOnStdinEof();
        }
        stopped.await();
    }

    /** Exits (running the shutdown hook) once the parent process closes our stdin. */
    private static void exitOnStdinEof() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // discard input; only end-of-file matters
                }
            } catch (java.io.IOException ignored) {
                // a broken pipe means the parent is gone as well
            }
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Sets the neo4j user's password without a forced change; a restart finds it already set. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    java.util.Map.of("password", password));
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }
}
