package cq.retirees.archcanary.spileak.spi;

import java.sql.Connection;

/** Violation: hands plugins a database connection (java.sql sits under java.. but is the DB). */
public interface JdbcBackedRule {
    void apply(Connection connection);
}
