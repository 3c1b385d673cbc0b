package cq.retirees.registry;

/** County-level division type, and the functional zones that receive retirees like one. */
public enum AreaKind {
    DISTRICT,
    COUNTY,
    FUNCTIONAL_ZONE
}
