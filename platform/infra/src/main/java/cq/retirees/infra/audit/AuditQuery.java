package cq.retirees.infra.audit;

import java.time.Instant;

/** Filters of {@code GET /audit-events}: actor name, entity ({@code type} or {@code type:id}), time range. */
public record AuditQuery(String actor, String entity, Instant from, Instant to) {
}
