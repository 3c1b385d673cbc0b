package cq.retirees.infra.plugins;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What went wrong with each plugin's extensions on this instance: exceptions, time-outs and proposals outside the
 * declared territory, counted in metrics ({@code plugins.extension.failures{plugin,kind}}) and kept for health. A
 * plugin that timed out is quarantined here: a hung call holds a thread, so it is not called again until an
 * administrator stops and starts it (or it is reinstalled).
 */
public final class PluginFailures {

    /** Thrown, overran, proposed outside its territory, or answered against the SPI contract (e.g. foreign codes). */
    public enum Kind { EXCEPTION, TIMEOUT, TERRITORY, CONTRACT }

    /** One plugin's record on this instance. */
    public record Record(long exceptions, long timeouts, long territoryViolations, long contractViolations,
                         Instant lastFailureAt, String lastFailure, boolean quarantined) {

        public long total() {
            return exceptions + timeouts + territoryViolations + contractViolations;
        }
    }

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public PluginFailures(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    void record(String pluginId, Kind kind, String what) {
        meters.counter("plugins.extension.failures", "plugin", pluginId, "kind", kind.name().toLowerCase())
                .increment();
        State state = states.computeIfAbsent(pluginId, id -> new State());
        state.counts.get(kind).incrementAndGet();
        state.lastFailureAt = clock.instant();
        state.lastFailure = kind + ": " + what;
        if (kind == Kind.TIMEOUT) {
            state.quarantined = true;
        }
    }

    boolean quarantined(String pluginId) {
        State state = states.get(pluginId);
        return state != null && state.quarantined;
    }

    /** A fresh start: a plugin (re)activated by an administrator is trusted again. */
    void reset(String pluginId) {
        states.remove(pluginId);
    }

    public Record of(String pluginId) {
        State s = states.get(pluginId);
        if (s == null) {
            return new Record(0, 0, 0, 0, null, null, false);
        }
        return new Record(s.counts.get(Kind.EXCEPTION).get(), s.counts.get(Kind.TIMEOUT).get(),
                s.counts.get(Kind.TERRITORY).get(), s.counts.get(Kind.CONTRACT).get(), s.lastFailureAt, s.lastFailure,
                s.quarantined);
    }

    private static final class State {
        final Map<Kind, AtomicLong> counts = Map.of(Kind.EXCEPTION, new AtomicLong(), Kind.TIMEOUT, new AtomicLong(),
                Kind.TERRITORY, new AtomicLong(), Kind.CONTRACT, new AtomicLong());
        volatile Instant lastFailureAt;
        volatile String lastFailure;
        volatile boolean quarantined;
    }
}
