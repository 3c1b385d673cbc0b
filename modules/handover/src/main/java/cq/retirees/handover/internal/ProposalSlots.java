package cq.retirees.handover.internal;

import cq.retirees.infra.http.ApiException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the roster proposals running at once on this instance. Each holds two pooled connections while it reads;
 * without a bound, a burst of proposals could take every connection and wait for each other. A proposal that finds
 * no slot within {@code maxWait} is refused with 503 {@code PROPOSALS_BUSY}: nothing was read or written.
 */
public final class ProposalSlots {

    /** A taken slot; closing it lets the next proposal in. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore slots;
    private final Duration maxWait;

    public ProposalSlots(int maxConcurrent, Duration maxWait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("handover.proposal.max-concurrent must be at least 1");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("handover.proposal.max-wait must not be negative");
        }
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
    }

    Slot take() {
        boolean taken;
        try {
            taken = slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw ApiException.of(503, "PROPOSALS_BUSY").withHeader("Retry-After", "10");
        }
        return slots::release;
    }
}
