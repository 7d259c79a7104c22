package io.ltvcascade.api;

import io.ltvcascade.embeddeddb.DatabaseTarget;
import io.ltvcascade.embeddeddb.EmbeddedDatabase;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Entry point of the platform. With no database configured it first starts the embedded PostgreSQL, whose data
 * survives restarts in {@code $LTV_DATA_DIR/postgres} (default {@code ./data}); with {@code LTV_DB_URL} or
 * {@code QUARKUS_DATASOURCE_*} set it uses that server. With {@code LTV_WORKER_JAR} and {@code LTV_SCHEDULER_JAR} set
 * (the run command sets both) a trainer-worker and a scheduler run beside it as child processes.
 */
@QuarkusMain
public final class LtvMain {

    private static final Logger LOG = Logger.getLogger(LtvMain.class);
    /**
     * How long the embedded server's stop waits for the api to stop first (its requests in flight get
     * {@code quarkus.shutdown.timeout}, 10 s by default) and then for each child (a worker hands back its job in 8 s).
     */
    private static final Duration API_STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration CHILD_STOP_WAIT = Duration.ofSeconds(10);

    private LtvMain() {}

    public static void main(String... args) {
        Optional<DatabaseTarget> external = DatabaseTarget.external(System.getenv());
        EmbeddedDatabase embedded = null;
        DatabaseTarget database;
        if (external.isPresent()) {
            database = external.get();
            LOG.infof("database: %s", database.jdbcUrl());
        } else {
            Path dataDir = Path.of(Optional.ofNullable(System.getenv("LTV_DATA_DIR")).orElse("data")).toAbsolutePath();
            LOG.infof("database: embedded PostgreSQL with its data in %s (set LTV_DB_URL to use another server)", dataDir);
            embedded = EmbeddedDatabase.startPersistent(dataDir.resolve("postgres"), "ltv");
            database = new DatabaseTarget(embedded.jdbcUrl(), embedded.username(), embedded.password());
        }
        database.publishAsQuarkusDatasource();
        List<ChildProcess> children = new CopyOnWriteArrayList<>();
        if (embedded != null) {
            // on SIGTERM or SIGINT the JVM runs its hooks and halts without returning to the finally below
            EmbeddedDatabase server = embedded;
            Runtime.getRuntime().addShutdownHook(
                    new Thread(() -> stopLast(server, children), "stop-embedded-postgres"));
        }
        try {
            // the worker polls the queue, which exists once Flyway has run at api start; until then it retries.
            // The scheduler applies the same migrations; Flyway's lock lets one of the two do it.
            // JVM options for the children: the worker's heap on transparent huge pages unless LTV_WORKER_JAVA_OPTS
            // says otherwise (-Xms2g made a worker's first scoring job as fast as later ones, but later ones slower:
            // docs/benchmarks.md, so no heap size by default)
            ChildProcess.startIfConfigured("trainer-worker", "LTV_WORKER_JAR", "LTV_WORKER_JAVA_OPTS",
                    TransparentHugePages.jvmOptions(TransparentHugePages.KERNEL_SETTING), database)
                    .ifPresent(children::add);
            ChildProcess.startIfConfigured("scheduler", "LTV_SCHEDULER_JAR", "LTV_SCHEDULER_JAVA_OPTS", List.of(),
                    database).ifPresent(children::add);
            Quarkus.run(args);
        } finally {
            children.forEach(ChildProcess::close);
            if (embedded != null) {
                stopLast(embedded, children);
            }
        }
    }

    /**
     * Stops the embedded server once the api and the children (already told to stop; a worker first hands back its
     * running job) have let go of it, so that none of them sees its connections cut while stopping.
     */
    private static void stopLast(EmbeddedDatabase server, List<ChildProcess> children) {
        try {
            awaitApiStopped();
            for (ChildProcess child : children) {
                child.awaitExit(CHILD_STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }

    private static void awaitApiStopped() throws InterruptedException {
        Application api = Application.currentApplication();
        if (api == null) {
            return;
        }
        // Application.awaitShutdown has no time limit (and a failed start may never reach "stopped"): wait for it on
        // a thread of its own, at most API_STOP_WAIT
        Thread waiter = new Thread(api::awaitShutdown, "await-api-stop");
        waiter.setDaemon(true);
        waiter.start();
        waiter.join(API_STOP_WAIT.toMillis());
    }
}
