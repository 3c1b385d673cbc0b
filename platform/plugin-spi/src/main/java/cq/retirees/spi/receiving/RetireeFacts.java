package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a receiving rule may know of a retiree: no ID number, phone or other personal data beyond where they live.
 *
 * @param insuredArea the area where the enterprise insures the retiree, as registered: it may have been retired
 *                    since, so ask {@link RosterContext#inForce} before relying on it
 */
public record RetireeFacts(UUID retireeId, AreaCode insuredArea, AreaCode residenceArea, String residenceStreet,
                           LocalDate birthDate, boolean immobile) {
}
