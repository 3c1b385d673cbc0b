package cq.retirees.infra.db;

import cq.retirees.infra.testing.TestDatabases;
import io.helidon.config.Config;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {

    @Test
    void databaseErrorsDoNotQuoteTheValuesThatCausedThem() throws Exception {
        DatabaseSettings settings = new DatabaseSettings(Optional.of(TestDatabases.newDatabase(DatabaseTest.class)),
                "postgres", "", 2, Duration.ofSeconds(10), Path.of("unused"), 0, "unused");
        try (Database database = Database.open(settings, Config.empty(), new SimpleMeterRegistry(), List.of());
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people (id_number text PRIMARY KEY)");
            s.execute("INSERT INTO people VALUES ('11010519491231002X')");
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO people VALUES ('11010519491231002X')"));
            assertTrue(SqlStates.isUniqueViolation(duplicate));
            assertFalse(duplicate.getMessage().contains("11010519491231002X"), duplicate.getMessage());
        }
    }
}
