package cq.retirees.handover.internal;

import cq.retirees.handover.PlanState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A handover plan row. */
record Plan(UUID id, UUID enterpriseId, PlanState state, LocalDate publicityStartsOn, LocalDate publicityEndsOn,
            String conflictScreening, String riskAssessment, String contingencyPlan, ThreePartyMechanism threeParty,
            boolean benefitsDeclared, String withdrawalReason, Instant rosterProposedAt, long version, UUID createdBy,
            Instant createdAt, Instant updatedAt) {
}
