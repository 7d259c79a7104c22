package io.ltvcascade.worker;

import java.util.logging.LogManager;

/**
 * java.util.logging as usual, except that its handlers stay open while the process shuts down: the JDK closes them in a
 * shutdown hook of its own, which would silence what a stopping worker says about the job it hands back. Chosen by
 * the {@code java.util.logging.manager} system property before anything logs (see {@link WorkerMain#main}).
 */
public final class ShutdownSafeLogManager extends LogManager {

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    /** The JVM refuses new shutdown hooks once it has begun to run them. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
