package cq.retirees.infra.outbox;

import cq.retirees.infra.http.Json;
import io.helidon.dbclient.DbExecute;

import java.nio.charset.StandardCharsets;

/**
 * Appends an event to the outbox inside the caller's transaction: the event exists exactly when the change does.
 * The event's type is its record's simple name (past tense: {@code RetireeDied}).
 */
public final class Outbox {

    private static final String INSERT = "INSERT INTO platform.outbox (event_type, aggregate_id, payload) VALUES (?, ?, ?)";

    public void append(DbExecute tx, String aggregateId, Record event) {
        tx.dml(INSERT, event.getClass().getSimpleName(), aggregateId, payload(event));
    }

    /** The same, on a plain JDBC connection: for bulk paths that run outside the DB Client. */
    public void append(java.sql.Connection connection, String aggregateId, Record event) throws java.sql.SQLException {
        try (var insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, event.getClass().getSimpleName());
            insert.setString(2, aggregateId);
            insert.setString(3, payload(event));
            insert.executeUpdate();
        }
    }

    private static String payload(Record event) {
        return new String(Json.bytes(event), StandardCharsets.UTF_8);
    }
}
