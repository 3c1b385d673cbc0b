package cq.retirees.registry;

/** Who manages a retired enterprise leader: decides the custodian of the leader dossier (DOMAIN.md §6). */
public enum LeaderManagementLevel {
    MUNICIPAL_PARTY_COMMITTEE,
    SASAC_PARTY_COMMITTEE,
    LIANGJIANG_PARTY_WORKING_COMMITTEE,
    DISTRICT_PARTY_COMMITTEE,
    MUNICIPAL_DEPARTMENT_PARTY_COMMITTEE,
    OTHER
}
