package cq.retirees.infra.plugins;

import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Keeps this instance's plugins in line with the database: it LISTENs for the announcements every change makes
 * (NOTIFY, delivered at commit) and reconciles at once; it also reconciles every {@code poll} whatever it heard, so a
 * missed announcement or a lost connection costs at most one poll.
 */
final class PluginChangeListener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PluginChangeListener.class.getName());

    private final DataSource dataSource;
    private final PluginHost host;
    private final Duration poll;
    private volatile boolean running;
    private Thread thread;

    PluginChangeListener(DataSource dataSource, PluginHost host, Duration poll) {
        this.dataSource = dataSource;
        this.host = host;
        this.poll = poll;
    }

    synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("plugin-changes").start(this::listen);
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + PluginsDb.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    pg.getNotifications((int) poll.toMillis());
                    reconcile();
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.log(Level.WARNING, "plugin announcements interrupted; polling until the database answers: "
                            + e.getSQLState());
                    pause();
                    reconcile();
                }
            }
        }
    }

    private void reconcile() {
        try {
            host.reconcile();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "plugin reconciliation failed; retrying", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
