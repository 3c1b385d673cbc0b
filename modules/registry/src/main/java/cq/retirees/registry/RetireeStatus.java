package cq.retirees.registry;

/** DOMAIN.md §5.4: AT_ENTERPRISE → IN_HANDOVER → UNDER_SOCIALIZED_MANAGEMENT, and DECEASED from any state. */
public enum RetireeStatus {
    AT_ENTERPRISE,
    IN_HANDOVER,
    UNDER_SOCIALIZED_MANAGEMENT,
    DECEASED
}
