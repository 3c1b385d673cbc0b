package cq.retirees.registry;

/** Who the district designates to receive retirees (DOMAIN.md §1). */
public enum ReceivingBodyKind {
    STREET,
    TOWNSHIP,
    TOWN,
    DEPARTMENT,
    UNIT
}
