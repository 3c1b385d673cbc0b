package cq.retirees.infra.db;

import java.sql.SQLException;

/** Reads PostgreSQL's SQLSTATE out of whatever wraps it (the DB Client wraps JDBC exceptions). */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    public static boolean is(Throwable error, String sqlState) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static boolean isUniqueViolation(Throwable error) {
        return is(error, UNIQUE_VIOLATION);
    }

    /** A deadlock (40P01) or serialization failure (40001): the transaction was rolled back and may be retried. */
    public static boolean isTransientConflict(Throwable error) {
        return is(error, "40P01") || is(error, "40001");
    }
}
