package cq.retirees.registry.internal;

/**
 * A retiree as submitted, before validation: every field as text, named like the roster's English headings, so
 * one set of rules serves the API ({@code POST /retirees}) and the roster import alike.
 */
record RetireeDraft(String idNumber, String name, String sex, String birthDate, String retirementDate,
                    String retireeType, String insuredAreaCode, String residenceAddress, String residenceAreaCode,
                    String residenceStreet, String phone, String partyMember, String partyOrganisation,
                    String leaderManagementLevel, String immobile, String deathDate) {
}
