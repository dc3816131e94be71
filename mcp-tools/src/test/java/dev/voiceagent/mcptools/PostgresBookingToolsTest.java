package dev.voiceagent.mcptools;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * The tools on PostgreSQL, as in production: the service built for it (the database kind is a build-time choice)
 * against the server on this machine (CI starts it). The schema is rebuilt first so runs are repeatable.
 */
@QuarkusTest
@TestProfile(PostgresBookingToolsTest.Postgres.class)
class PostgresBookingToolsTest extends BookingToolsContract {

    public static class Postgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.db-kind", "postgresql",
                    "quarkus.datasource.jdbc.url", System.getProperty("test.postgres.url",
                            "jdbc:postgresql://127.0.0.1:5432/test"),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        }
    }
}
