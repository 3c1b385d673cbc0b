package cq.retirees.infra.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An event as stored and listed, with its place in the chain. */
public record AuditEvent(long seq, UUID id, Instant occurredAt, UUID actorId, String actorName, String action,
                         String entityType, String entityId, Outcome outcome, String address,
                         Map<String, String> detail, String prevHash, String hash) {
}
