package io.ltvcascade.worker;

import org.postgresql.ds.PGSimpleDataSource;

/** Starts a trainer-worker process configured by environment variables (see {@link WorkerConfig}). */
public final class WorkerMain {

    private WorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        WorkerConfig config = WorkerConfig.fromEnvironment(System.getenv());
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.dbUrl());
        if (config.dbUser() != null) {
            dataSource.setUser(config.dbUser());
            dataSource.setPassword(config.dbPassword());
        }
        new WorkerLoop(config, dataSource).run();
    }
}
