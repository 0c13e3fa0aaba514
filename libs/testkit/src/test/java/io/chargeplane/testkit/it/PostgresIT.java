package io.chargeplane.testkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RealServicesProfile.class)
class PostgresIT {

    @Inject
    AgroalDataSource jdbc;

    @Inject
    Pool reactive;

    @Test
    void storesAndReadsBackRowsOverJdbc() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection connection = jdbc.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS jdbc_round_trip (id text PRIMARY KEY, energy_mwh bigint NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jdbc_round_trip VALUES (?, ?)")) {
                insert.setString(1, id);
                insert.setLong(2, 12_345_678L);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT energy_mwh FROM jdbc_round_trip WHERE id = ?")) {
                select.setString(1, id);
                ResultSet rows = select.executeQuery();
                assertTrue(rows.next());
                assertEquals(12_345_678L, rows.getLong(1));
            }
        }
    }

    @Test
    void reactiveClientSeesWhatJdbcWroteOnPostgres17() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection connection = jdbc.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS reactive_round_trip (id text PRIMARY KEY, tenant text NOT NULL)");
            statement.execute("INSERT INTO reactive_round_trip VALUES ('" + id + "', 'acme')");
        }
        Row row = reactive.preparedQuery("SELECT tenant, current_setting('server_version_num')::int AS version "
                        + "FROM reactive_round_trip WHERE id = $1")
                .execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next();
        assertEquals("acme", row.getString("tenant"));
        assertEquals(17, row.getInteger("version") / 10000);
    }
}
