package cq.retirees.handover.internal;

import cq.retirees.infra.db.Transactions;
import cq.retirees.registry.events.RetireeDied;

/**
 * A retiree who dies before being received leaves every active roster and any open batch (DOMAIN.md §5.4):
 * a plan then completes without them. Redelivery changes nothing.
 */
final class DeathsOnRosters {

    private final Transactions transactions;
    private final RosterDb roster;

    DeathsOnRosters(Transactions transactions, RosterDb roster) {
        this.transactions = transactions;
        this.roster = roster;
    }

    void record(RetireeDied died) {
        transactions.inTransaction(tx -> {
            roster.removeDeceased(tx, died.retireeId());
            return null;
        });
    }
}
