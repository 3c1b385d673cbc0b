package cq.retirees.infra.audit;

import cq.retirees.kernel.access.Actor;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What is written to the trail: who (id and name), what, which entity, the outcome, from where, and details.
 * Details must never hold personal data in clear (ID numbers, phones, health, party data).
 */
public record AuditRecord(UUID actorId, String actorName, String action, String entityType, String entityId,
                          Outcome outcome, String address, Map<String, String> detail) {

    public AuditRecord {
        detail = new TreeMap<>(detail); // sorted: the hashed form must not depend on insertion order
    }

    public static AuditRecord of(Actor actor, String address, String action, String entityType, Object entityId,
                                 Outcome outcome, Map<String, String> detail) {
        return new AuditRecord(actor.userId(), actor.username(), action, entityType,
                entityId == null ? null : entityId.toString(), outcome, address, detail);
    }
}
