package cq.retirees.infra.db;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQLSTATE is found however deep the DB Client wraps it; only deadlocks and serialization failures retry. */
class SqlStatesTest {

    @Test
    void aDeadlockOrASerializationFailureIsATransientConflict() {
        assertTrue(SqlStates.isTransientConflict(new IllegalStateException("wrapped",
                new RuntimeException(new SQLException("deadlock detected", "40P01")))));
        assertTrue(SqlStates.isTransientConflict(new SQLException("could not serialize", "40001")));
        assertFalse(SqlStates.isTransientConflict(new SQLException("duplicate key", "23505")));
        assertFalse(SqlStates.isTransientConflict(new IllegalStateException("no SQL at all")));
    }
}
