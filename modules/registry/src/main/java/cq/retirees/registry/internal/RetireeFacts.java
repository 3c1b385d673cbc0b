package cq.retirees.registry.internal;

import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.ResidentIdNumber;
import cq.retirees.kernel.Sex;
import cq.retirees.registry.LeaderManagementLevel;
import cq.retirees.registry.RetireeStatus;
import cq.retirees.registry.RetireeType;

import java.time.LocalDate;

/** A retiree's validated facts, ready to store. {@code phone} is normalised digits or null. */
record RetireeFacts(ResidentIdNumber idNumber, String name, Sex sex, LocalDate retirementDate, RetireeType type,
                    AreaCode insuredArea, String residenceAddress, AreaCode residenceArea, String residenceStreet,
                    String phone, boolean partyMember, String partyOrganisation,
                    LeaderManagementLevel leaderManagementLevel, boolean immobile, LocalDate deathDate) {

    RetireeStatus initialStatus() {
        return deathDate == null ? RetireeStatus.AT_ENTERPRISE : RetireeStatus.DECEASED;
    }
}
