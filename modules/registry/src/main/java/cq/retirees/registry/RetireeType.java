package cq.retirees.registry;

/** Retirees (退休人员) are in scope; retired cadres (离休人员) keep their management unless an exception is made. */
public enum RetireeType {
    RETIRED,
    RETIRED_CADRE
}
