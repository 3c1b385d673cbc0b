package cq.retirees.handover.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The three-party mechanism (三方联动): the enterprise, the receiving township/street and retiree representatives,
 * each with at least one named member.
 */
record ThreePartyMechanism(List<String> enterpriseMembers, List<String> receivingMembers,
                           List<String> representativeMembers, LocalDate establishedOn) {
}
