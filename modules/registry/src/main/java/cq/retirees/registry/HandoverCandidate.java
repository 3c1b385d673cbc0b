package cq.retirees.registry;

import cq.retirees.kernel.AreaCode;

import java.time.LocalDate;
import java.util.UUID;

/** A retiree as a handover roster sees them: where they live and who they are, without ID or phone number. */
public record HandoverCandidate(UUID retireeId, String name, RetireeType type, RetireeStatus status,
                                AreaCode insuredArea, AreaCode residenceArea, String residenceStreet,
                                LocalDate birthDate, boolean immobile) {
}
