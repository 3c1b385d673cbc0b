package cq.retirees.handover;

/** The handover items of a batch (交接事项, DOMAIN.md §5.3). */
public enum HandoverItem {
    MANAGEMENT_RELATIONSHIP,
    PERSONNEL_DOSSIERS,
    LEADER_DOSSIERS_AND_PASSPORTS,
    PARTY_RELATIONSHIPS,
    /** Never blocks signing: a township/street may not make a venue transfer a precondition for receiving. */
    ACTIVITY_VENUE,
    COMMUNITY_FUNCTIONS;

    public boolean blocksSigning() {
        return this != ACTIVITY_VENUE;
    }
}
