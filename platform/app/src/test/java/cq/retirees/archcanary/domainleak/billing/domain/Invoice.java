package cq.retirees.archcanary.domainleak.billing.domain;

import javax.sql.DataSource;

/** Violation: domain code of a module that loads itself from the database. */
public final class Invoice {
    public static Invoice load(DataSource dataSource, long id) {
        return new Invoice();
    }
}
