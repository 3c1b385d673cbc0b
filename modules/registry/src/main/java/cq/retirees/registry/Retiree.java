package cq.retirees.registry;

import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.ResidentIdNumber;
import cq.retirees.kernel.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A retiree as the registry knows them (DOMAIN.md §12). {@code idNumber} and {@code phone} are personal data:
 * stored encrypted, shown masked unless a permitted caller asks for them and is audited. {@code receivedOn}
 * is the effective date of the signed handover batch that put them under socialized management.
 */
public record Retiree(UUID id, UUID enterpriseId, ResidentIdNumber idNumber, String name, Sex sex,
                      LocalDate birthDate, LocalDate retirementDate, RetireeType type, AreaCode insuredArea,
                      String residenceAddress, AreaCode residenceArea, String residenceStreet, String phone,
                      boolean partyMember, String partyOrganisation, LeaderManagementLevel leaderManagementLevel,
                      boolean immobile, RetireeStatus status, LocalDate deathDate, AreaCode receivingArea,
                      UUID receivingBodyId, LocalDate receivedOn, long version, Instant createdAt, Instant updatedAt) {
}
