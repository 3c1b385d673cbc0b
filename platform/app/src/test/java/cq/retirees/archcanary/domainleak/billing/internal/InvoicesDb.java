package cq.retirees.archcanary.domainleak.billing.internal;

import java.sql.Connection;

/** Legal: JDBC belongs in an adapter outside the domain package. */
public final class InvoicesDb {
    public InvoicesDb(Connection connection) {
    }
}
