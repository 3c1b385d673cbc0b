package cq.retirees.registry.events;

import java.time.LocalDate;
import java.util.UUID;

/** A retiree's death was recorded; other modules stop services, settle fees and notify the former enterprise. */
public record RetireeDied(UUID retireeId, UUID enterpriseId, LocalDate deathDate) {
}
