package cq.retirees.registry.internal;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.db.PgArrays;
import cq.retirees.infra.db.Transactions;
import cq.retirees.kernel.access.Actor;
import cq.retirees.registry.PlanRetirees;
import cq.retirees.registry.Reception;

import java.sql.Date;
import java.util.Map;

/**
 * The registry's side of a handover: retirees enter handover when their plan does, leave it when the plan is
 * withdrawn or they are taken off its roster, and come under socialized management when their batch is signed. Each
 * step changes only retirees in the state it starts from, so a redelivered event changes nothing, a retiree who
 * died meanwhile stays DECEASED, and a received retiree is never moved back. (Events may arrive out of order: the
 * composition root asks the handover module who is still in handover before moving anyone into it.)
 */
final class HandoverSteps {

    private final Transactions transactions;
    private final AuditTrail audit;

    HandoverSteps(Transactions transactions, AuditTrail audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    int start(PlanRetirees start) {
        return transactions.inTransaction(tx -> {
            long moved = tx.dml("UPDATE registry.retirees r SET status = 'IN_HANDOVER', version = r.version + 1,"
                    + " updated_at = now() FROM unnest(?::uuid[]) AS p(id) WHERE r.id = p.id"
                    + " AND r.status = 'AT_ENTERPRISE'",
                    PgArrays.literal(start.retireeIds()));
            if (moved > 0) {
                audit.append(tx, AuditRecord.of(Actor.SYSTEM, null, "RETIREES_ENTERED_HANDOVER", "handover-plan",
                        start.planId(), Outcome.SUCCESS, Map.of("retirees", String.valueOf(moved))));
            }
            return (int) moved;
        });
    }

    int cancel(PlanRetirees withdrawn) {
        return transactions.inTransaction(tx -> {
            long moved = tx.dml("UPDATE registry.retirees r SET status = 'AT_ENTERPRISE', version = r.version + 1,"
                    + " updated_at = now() FROM unnest(?::uuid[]) AS p(id) WHERE r.id = p.id"
                    + " AND r.status = 'IN_HANDOVER'",
                    PgArrays.literal(withdrawn.retireeIds()));
            if (moved > 0) {
                audit.append(tx, AuditRecord.of(Actor.SYSTEM, null, "RETIREES_LEFT_HANDOVER", "handover-plan",
                        withdrawn.planId(), Outcome.SUCCESS, Map.of("retirees", String.valueOf(moved))));
            }
            return (int) moved;
        });
    }

    int receive(Reception reception) {
        return transactions.inTransaction(tx -> {
            long moved = tx.dml("UPDATE registry.retirees r SET status = 'UNDER_SOCIALIZED_MANAGEMENT',"
                            + " receiving_area = ?, receiving_body_id = ?::uuid, received_on = ?, version = r.version + 1,"
                            + " updated_at = now() FROM unnest(?::uuid[]) AS b(id) WHERE r.id = b.id"
                            + " AND r.status IN ('AT_ENTERPRISE', 'IN_HANDOVER')",
                    reception.area().value(), reception.receivingBodyId(), Date.valueOf(reception.receivedOn()),
                    PgArrays.literal(reception.retireeIds()));
            if (moved > 0) {
                audit.append(tx, AuditRecord.of(Actor.SYSTEM, null, "RETIREES_RECEIVED", "handover-batch",
                        reception.batchId(), Outcome.SUCCESS, Map.of("retirees", String.valueOf(moved),
                                "area", reception.area().value())));
            }
            return (int) moved;
        });
    }
}
