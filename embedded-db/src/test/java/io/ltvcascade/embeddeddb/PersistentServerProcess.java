package io.ltvcascade.embeddeddb;

import java.nio.file.Path;

/** A process that starts a persistent server on the directory in its argument and runs until it is killed. */
final class PersistentServerProcess {

    static final String READY = "server ready";

    private PersistentServerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase.startPersistent(Path.of(args[0]), "ltv");
        System.out.println(READY);
        Thread.sleep(Long.MAX_VALUE);
    }
}
