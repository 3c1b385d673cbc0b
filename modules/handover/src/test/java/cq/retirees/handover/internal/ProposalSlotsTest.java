package cq.retirees.handover.internal;

import cq.retirees.infra.http.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProposalSlotsTest {

    @Test
    void aProposalBeyondTheBoundIsRefusedBusyOnceItsWaitIsOver() {
        ProposalSlots slots = new ProposalSlots(2, Duration.ofMillis(50));
        try (ProposalSlots.Slot first = slots.take(); ProposalSlots.Slot second = slots.take()) {
            ApiException busy = assertThrows(ApiException.class, slots::take);
            assertEquals(503, busy.status());
            assertEquals("PROPOSALS_BUSY", busy.code());
            assertEquals("10", busy.headers().get("Retry-After"));
        }
        try (ProposalSlots.Slot again = slots.take(); ProposalSlots.Slot andAgain = slots.take()) {
            assertThrows(ApiException.class, slots::take, "closed slots are free again, and only those");
        }
    }

    @Test
    void aWaitingProposalGetsTheSlotThatIsFreedWhileItWaits() throws Exception {
        ProposalSlots slots = new ProposalSlots(1, Duration.ofMinutes(1));
        ProposalSlots.Slot held = slots.take();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try (ProposalSlots.Slot ignored = slots.take()) {
                return true;
            }
        });
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        held.close();
        assertTrue(next.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aBoundBelowOneIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ProposalSlots(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new ProposalSlots(1, Duration.ofSeconds(-1)));
    }
}
