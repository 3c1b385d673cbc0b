package cq.retirees.infra.plugins;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls into plugin code with a time limit. Calls run on platform threads, not virtual ones: a plugin stuck in a
 * loop would pin a virtual thread's carrier and starve the server; a stuck platform thread only loses itself, and
 * its plugin is quarantined so that it cannot take more.
 */
final class PluginCalls implements AutoCloseable {

    private final Duration timeout;
    private final PluginFailures failures;
    private final ExecutorService threads;

    PluginCalls(Duration timeout, PluginFailures failures) {
        this.timeout = timeout;
        this.failures = failures;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "plugin-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newCachedThreadPool(factory);
    }

    /** The call's result, or empty when the plugin is quarantined, throws or overruns (each recorded). */
    <T> Optional<T> call(String pluginId, Callable<T> work) {
        if (failures.quarantined(pluginId)) {
            return Optional.empty();
        }
        Future<T> future = threads.submit(work);
        try {
            return Optional.ofNullable(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            failures.record(pluginId, PluginFailures.Kind.TIMEOUT, "no answer within " + timeout);
            return Optional.empty();
        } catch (ExecutionException e) {
            failures.record(pluginId, PluginFailures.Kind.EXCEPTION, e.getCause().getClass().getName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
