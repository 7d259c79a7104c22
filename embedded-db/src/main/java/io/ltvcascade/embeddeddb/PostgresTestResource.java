package io.ltvcascade.embeddeddb;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** Gives a Quarkus test run its own empty PostgreSQL database ({@link TestDatabase}) as its datasource. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create();
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        if (database.username() != null) {
            props.put("quarkus.datasource.username", database.username());
            props.put("quarkus.datasource.password", database.password());
        }
        return props;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
