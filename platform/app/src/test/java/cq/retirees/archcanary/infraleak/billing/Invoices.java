package cq.retirees.archcanary.infraleak.billing;

/** A module facade. */
public interface Invoices {
    long count();
}
