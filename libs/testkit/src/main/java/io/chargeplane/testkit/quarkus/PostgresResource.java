package io.chargeplane.testkit.quarkus;

import io.chargeplane.testkit.server.PostgresServer;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the default datasource (JDBC for Flyway, reactive for Hibernate Reactive) at the JVM's shared
 * PostgreSQL. Init argument {@code database} selects (and creates) a database other than {@code postgres}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = PostgresServer.DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", PostgresServer.DATABASE);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = SharedServices.postgres();
        if (!PostgresServer.DATABASE.equals(database)) {
            postgres.createDatabase(database);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "chargeplane.testkit.postgres.port", Integer.toString(postgres.port()));
    }

    /** The server outlives the Quarkus application: {@link SharedServices} stops it when the JVM exits. */
    @Override
    public void stop() {
    }
}
