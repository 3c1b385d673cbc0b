package cq.retirees.registry.internal;

import cq.retirees.registry.Retiree;

/**
 * Body of {@code POST /retirees} (with {@code enterpriseId}) and of {@code PATCH /retirees/{id}} (without; absent
 * fields keep their value, identity fields cannot change).
 */
record RetireeBody(String enterpriseId, String idNumber, String name, String sex, String birthDate,
                   String retirementDate, String retireeType, String insuredAreaCode, String residenceAddress,
                   String residenceAreaCode, String residenceStreet, String phone, String partyMember,
                   String partyOrganisation, String leaderManagementLevel, String immobile, String deathDate) {

    RetireeDraft draft() {
        return new RetireeDraft(idNumber, name, sex, birthDate, retirementDate, retireeType, insuredAreaCode,
                residenceAddress, residenceAreaCode, residenceStreet, phone, partyMember, partyOrganisation,
                leaderManagementLevel, immobile, deathDate);
    }

    /** This change applied over the current record, as a complete draft for the rules to check again. */
    RetireeDraft over(Retiree current) {
        return new RetireeDraft(current.idNumber().value(), or(name, current.name()), null, null,
                or(retirementDate, current.retirementDate().toString()), or(retireeType, current.type().name()),
                or(insuredAreaCode, current.insuredArea().value()), or(residenceAddress, current.residenceAddress()),
                or(residenceAreaCode, current.residenceArea().value()), or(residenceStreet, current.residenceStreet()),
                or(phone, current.phone()), or(partyMember, Boolean.toString(current.partyMember())),
                or(partyOrganisation, current.partyOrganisation()),
                or(leaderManagementLevel, current.leaderManagementLevel() == null ? null
                        : current.leaderManagementLevel().name()),
                or(immobile, Boolean.toString(current.immobile())),
                // the recorded death stays as it is, but the corrected dates must still come before it
                current.deathDate() == null ? null : current.deathDate().toString());
    }

    /** Fields a correction may not touch: identity, and the death (recorded through its own action). */
    java.util.List<String> unchangeable() {
        java.util.List<String> fields = new java.util.ArrayList<>();
        if (enterpriseId != null) fields.add("enterpriseId");
        if (idNumber != null) fields.add("idNumber");
        if (sex != null) fields.add("sex");
        if (birthDate != null) fields.add("birthDate");
        if (deathDate != null) fields.add("deathDate");
        return fields;
    }

    private static String or(String change, String current) {
        return change != null ? change : current;
    }
}
