package cq.retirees.kernel.access;

/** What a user may do; a user holds one or more. */
public enum Role {
    /** Municipal IT: users and plugins. */
    PLATFORM_ADMIN,
    /** SASAC and HRSS leads: sees and manages everything in the city. */
    MUNICIPAL_ADMIN,
    /** Acts within one or more areas, optionally only for some receiving bodies there. */
    DISTRICT_OPERATOR,
    /** Acts for one or more enterprises. */
    ENTERPRISE_OPERATOR,
    /** Reads everything, including the audit trail; changes nothing. */
    AUDITOR
}
