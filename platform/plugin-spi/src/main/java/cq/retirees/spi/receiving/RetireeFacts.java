package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a receiving rule may know of a retiree: no ID number, phone or other personal data beyond where they live.
 *
 * @param insuredArea the area where the enterprise insures the retiree; {@code null} when that code is not (or no
 *                    longer) a receiving area in force
 */
public record RetireeFacts(UUID retireeId, AreaCode insuredArea, AreaCode residenceArea, String residenceStreet,
                           LocalDate birthDate, boolean immobile) {
}
