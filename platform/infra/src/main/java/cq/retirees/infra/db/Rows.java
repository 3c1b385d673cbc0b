package cq.retirees.infra.db;

import io.helidon.dbclient.DbRow;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Typed reads from DB Client rows, whichever JDBC type the driver hands back. */
public final class Rows {

    private Rows() {
    }

    /** The column's value, or null for SQL NULL (the DB Client's own {@code get()} throws on NULL). */
    public static Object value(DbRow row, String column) {
        return row.column(column).asOptional().orElse(null);
    }

    public static String string(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : value.toString();
    }

    public static UUID uuid(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    public static long longValue(DbRow row, String column) {
        return ((Number) value(row, column)).longValue();
    }

    public static int intValue(DbRow row, String column) {
        return ((Number) value(row, column)).intValue();
    }

    public static boolean bool(DbRow row, String column) {
        return Boolean.TRUE.equals(value(row, column));
    }

    public static Instant instant(DbRow row, String column) {
        Object value = value(row, column);
        return switch (value) {
            case null -> null;
            case Timestamp ts -> ts.toInstant();
            case OffsetDateTime odt -> odt.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("not a timestamp: " + column);
        };
    }

    public static LocalDate date(DbRow row, String column) {
        Object value = value(row, column);
        return switch (value) {
            case null -> null;
            case Date d -> d.toLocalDate();
            case LocalDate d -> d;
            default -> throw new IllegalStateException("not a date: " + column);
        };
    }

    public static List<String> strings(DbRow row, String column) {
        Object value = value(row, column);
        try {
            return switch (value) {
                case null -> List.of();
                case Array array -> Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
                case Object[] array -> Arrays.stream(array).map(String::valueOf).toList();
                default -> throw new IllegalStateException("not an array: " + column);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("could not read array " + column, e);
        }
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
