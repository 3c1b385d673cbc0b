package cq.retirees.app;

import cq.retirees.handover.Handover;
import cq.retirees.handover.events.BatchSigned;
import cq.retirees.handover.events.HandoverStarted;
import cq.retirees.handover.events.HandoverWithdrawn;
import cq.retirees.infra.outbox.OutboxDispatcher;
import cq.retirees.kernel.AreaCode;
import cq.retirees.registry.PlanRetirees;
import cq.retirees.registry.Reception;
import cq.retirees.registry.Registry;

/**
 * Carries handover events to the registry. The handover module reads the registry, so the registry cannot listen
 * to handover events itself without a cycle; the composition root connects them instead.
 */
final class HandoverSteps {

    private HandoverSteps() {
    }

    static void connect(OutboxDispatcher events, Registry registry, Handover handover) {
        // Delivery is at least once but not in order: a retiree taken off the roster (or a plan withdrawn) before
        // this event is handled must not be put into handover by it, so only those still in handover move.
        events.subscribe(HandoverStarted.class, started -> registry.startHandover(new PlanRetirees(started.planId(),
                handover.inHandover(started.planId(), started.retireeIds()))));
        events.subscribe(HandoverWithdrawn.class, withdrawn ->
                registry.cancelHandover(new PlanRetirees(withdrawn.planId(), withdrawn.retireeIds())));
        events.subscribe(BatchSigned.class, signed -> registry.receive(new Reception(signed.batchId(),
                signed.retireeIds(), AreaCode.of(signed.receivingAreaCode()), signed.receivingBodyId(),
                signed.effectiveOn())));
    }
}
