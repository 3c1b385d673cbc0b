package cq.retirees.infra.db;

import io.helidon.dbclient.DbClient;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Removes what has served its time, so tables that every request or login touches do not grow without end:
 * sessions ended more than a day ago, idempotency keys past their retention, login-failure counts whose window has
 * closed (unknown user names included), and outbox events delivered more than a week ago. Runs in every instance;
 * the deletes are idempotent, so instances need not coordinate.
 */
public final class Housekeeping implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final DbClient db;
    private final Duration idempotencyRetention;
    private final Duration throttleWindow;
    private final Duration every;
    private volatile Thread worker;

    public Housekeeping(DbClient db, Duration idempotencyRetention, Duration throttleWindow, Duration every) {
        this.db = db;
        this.idempotencyRetention = idempotencyRetention;
        this.throttleWindow = throttleWindow;
        this.every = every;
    }

    public void start() {
        worker = Thread.ofVirtual().name("housekeeping").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                    sweep();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "housekeeping failed; next attempt in " + every, e);
                }
            }
        });
    }

    /** One pass; returns the rows removed per table. */
    public Map<String, Long> sweep() {
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put("security.sessions", db.execute().dml("DELETE FROM security.sessions"
                + " WHERE coalesce(revoked_at, expires_at) < now() - interval '1 day'"));
        removed.put("platform.idempotency_keys", db.execute().dml("DELETE FROM platform.idempotency_keys"
                + " WHERE created_at < now() - make_interval(secs => ?)", (double) idempotencyRetention.toSeconds()));
        removed.put("security.login_failures", db.execute().dml("DELETE FROM security.login_failures"
                + " WHERE window_start < now() - make_interval(secs => ?)", (double) throttleWindow.toSeconds()));
        removed.put("platform.outbox", db.execute().dml("DELETE FROM platform.outbox"
                + " WHERE dispatched_at < now() - interval '7 days'"));
        return removed;
    }

    @Override
    public void close() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }
}
