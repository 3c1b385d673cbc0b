package cq.retirees.registry.demo;

import java.util.List;

/**
 * One made-up retiree, as a row of the roster CSV: every component is text in the form the import expects,
 * and an absent value is the empty string, never {@code null}. Components are in {@link SyntheticRoster#HEADINGS}
 * order.
 *
 * @param idNumber              18-character resident ID number with the fictional region 500190–500199
 * @param sex                   男 or 女, matching the ID number's 17th digit
 * @param birthDate             ISO date, matching the ID number
 * @param retirementDate        ISO date, never after {@link SyntheticRoster#REFERENCE_DATE}
 * @param retireeType           {@code RETIRED} or {@code RETIRED_CADRE}
 * @param partyMember           是 or 否
 * @param partyOrganisation     the member's party branch; empty for non-members
 * @param leaderManagementLevel empty, or {@code MUNICIPAL_PARTY_COMMITTEE}, {@code SASAC_PARTY_COMMITTEE},
 *                              {@code DISTRICT_PARTY_COMMITTEE}, {@code OTHER}
 * @param immobile              是 or 否
 * @param deathDate             empty, or an ISO date after retirement and before the reference date
 */
public record SyntheticRetiree(
        String idNumber,
        String name,
        String sex,
        String birthDate,
        String retirementDate,
        String retireeType,
        String enterpriseCreditCode,
        String insuredAreaCode,
        String residenceAddress,
        String residenceAreaCode,
        String residenceStreet,
        String phone,
        String partyMember,
        String partyOrganisation,
        String leaderManagementLevel,
        String immobile,
        String deathDate) {

    /** The components in CSV column order. */
    List<String> csvValues() {
        return List.of(idNumber, name, sex, birthDate, retirementDate, retireeType, enterpriseCreditCode,
                insuredAreaCode, residenceAddress, residenceAreaCode, residenceStreet, phone, partyMember,
                partyOrganisation, leaderManagementLevel, immobile, deathDate);
    }
}
