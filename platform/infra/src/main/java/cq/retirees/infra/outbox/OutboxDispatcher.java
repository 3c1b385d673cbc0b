package cq.retirees.infra.outbox;

import cq.retirees.infra.db.PgArrays;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.db.Transactions;
import cq.retirees.infra.http.Json;
import io.helidon.dbclient.DbRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Delivers outbox events to the handlers subscribed to their type, at least once: a batch is locked with
 * {@code FOR UPDATE SKIP LOCKED} (so instances share the work), handed to the handlers, and marked dispatched in
 * the same transaction. A failing handler leaves the event for a later attempt with growing delay; handlers are
 * idempotent.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 100;

    private final Transactions transactions;
    private final Map<String, Subscription<?>> subscriptions = new ConcurrentHashMap<>();
    private final Duration pollEvery;
    private final Counter delivered;
    private final Counter failed;
    private volatile boolean running;
    private Thread poller;

    public OutboxDispatcher(Transactions transactions, MeterRegistry meters, Duration pollEvery) {
        this.transactions = transactions;
        this.pollEvery = pollEvery;
        this.delivered = meters.counter("outbox.events.delivered");
        this.failed = meters.counter("outbox.events.failed");
    }

    public <E extends Record> void subscribe(Class<E> type, Consumer<E> handler) {
        @SuppressWarnings("unchecked")
        Subscription<E> subscription = (Subscription<E>) subscriptions.computeIfAbsent(type.getSimpleName(),
                name -> new Subscription<>(type, new CopyOnWriteArrayList<>()));
        subscription.handlers().add(handler);
    }

    public synchronized void start() {
        running = true;
        poller = Thread.ofVirtual().name("outbox-dispatcher").start(() -> {
            while (running) {
                try {
                    if (dispatchBatch() < BATCH) {
                        Thread.sleep(pollEvery);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "outbox dispatch failed; retrying", e);
                }
            }
        });
    }

    /** Delivers one batch of due events; returns how many were handled. */
    public int dispatchBatch() {
        return transactions.inTransaction(tx -> {
            List<DbRow> due;
            try (Stream<DbRow> rows = tx.query("SELECT id, event_type, payload, attempts FROM platform.outbox"
                    + " WHERE dispatched_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT ?"
                    + " FOR UPDATE SKIP LOCKED", BATCH)) {
                due = rows.toList();
            }
            List<Long> done = new ArrayList<>();
            for (DbRow row : due) {
                long id = Rows.longValue(row, "id");
                try {
                    deliver(Rows.string(row, "event_type"), Rows.string(row, "payload"));
                    done.add(id);
                    delivered.increment();
                } catch (RuntimeException e) {
                    failed.increment();
                    int attempts = Rows.intValue(row, "attempts") + 1;
                    tx.dml("UPDATE platform.outbox SET attempts = ?, last_error = ?,"
                                    + " next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?",
                            attempts, e.getClass().getSimpleName(), Math.min(3600.0, Math.pow(2, attempts)), id);
                }
            }
            if (!done.isEmpty()) {
                tx.dml("UPDATE platform.outbox SET dispatched_at = now(), attempts = attempts + 1"
                        + " WHERE id = ANY(?::bigint[])", PgArrays.literal(done));
            }
            return due.size();
        });
    }

    private void deliver(String type, String payload) {
        Subscription<?> subscription = subscriptions.get(type);
        if (subscription != null) {
            subscription.deliver(payload);
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
    }

    private record Subscription<E extends Record>(Class<E> type, List<Consumer<E>> handlers) {
        void deliver(String payload) {
            try {
                // tolerant reader: an event written by a newer version may carry fields this one does not know
                E event = Json.mapper().readerFor(type)
                        .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(payload);
                handlers.forEach(handler -> handler.accept(event));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("unreadable " + type.getSimpleName() + " event", e);
            }
        }
    }
}
