package cq.retirees.handover.internal;

import cq.retirees.handover.PlanState;
import cq.retirees.handover.events.HandoverWithdrawn;
import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.Versions;
import cq.retirees.infra.outbox.Outbox;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.access.Actor;
import cq.retirees.registry.Registry;
import cq.retirees.registry.Retiree;
import cq.retirees.registry.RetireeType;
import io.helidon.dbclient.DbExecute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Changes to one retiree's place on the roster, each with a written reason and audited: an override of the rule's
 * proposal, taking the retiree off the roster or back on, and the exception that lets a retired cadre on.
 */
final class RosterChanges {

    /** {@code action}: a {@link RosterAction}. */
    record ChangeDraft(String action, String receivingAreaCode, String receivingBodyId, String reason) {
    }

    record CadreExceptionDraft(String retireeId, String reason) {
    }

    private final RosterDb roster;
    private final Registry registry;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ReceivingTargets targets;

    RosterChanges(RosterDb roster, Registry registry, AuditTrail audit, Outbox outbox) {
        this.roster = roster;
        this.registry = registry;
        this.audit = audit;
        this.outbox = outbox;
        this.targets = new ReceivingTargets(registry);
    }

    RosterEntry change(DbExecute tx, Actor actor, String address, Plan plan, RosterEntry entry, long expectedVersion,
                       ChangeDraft draft) {
        RosterAction action = Texts.kind("action", draft.action(), RosterAction.class);
        if (action != RosterAction.REMOVE) {
            requireRosterOpen(plan);
        } else if (!plan.state().active()) {
            throw ApiException.conflict("PLAN_STATE_FORBIDS", plan.state().name());
        }
        List<FieldError> errors = new ArrayList<>();
        String reason = action.needsReason()
                ? Texts.required("reason", draft.reason(), Texts.PROSE, errors)
                : Texts.optional("reason", draft.reason(), Texts.PROSE, errors);
        AreaCode area = null;
        UUID body = null;
        if (action == RosterAction.OVERRIDE) {
            area = targets.area("receivingAreaCode", draft.receivingAreaCode(), true, errors);
            body = targets.body("receivingBodyId", draft.receivingBodyId(), area, errors);
        }
        PlanRecords.refuse(errors);
        if (entry.version() != expectedVersion) {
            throw Versions.stale();
        }
        Map<String, String> detail = new TreeMap<>();
        detail.put("retiree", entry.retireeId().toString());
        // The reason stays with the roster entry; the audit trail records that one was given, never free text
        // (operators may type a phone number into it).
        detail.put("reasonGiven", String.valueOf(reason != null));
        boolean applied = switch (action) {
            case OVERRIDE, CLEAR_OVERRIDE -> {
                if (entry.removed()) {
                    throw ApiException.conflict("ROSTER_ENTRY_REMOVED");
                }
                detail.put("from", entry.receivingArea().value());
                detail.put("to", area != null ? area.value() : entry.proposedArea().value());
                yield roster.override(tx, entry, expectedVersion, area, body, reason, actor.userId());
            }
            case REMOVE -> {
                if (entry.removed()) {
                    throw ApiException.conflict("ROSTER_ENTRY_REMOVED");
                }
                if (entry.receivedOn() != null) {
                    throw ApiException.conflict("RETIREE_ALREADY_RECEIVED");
                }
                if (entry.batchId() != null) {
                    throw ApiException.conflict("RETIREE_IN_BATCH", entry.batchId().toString());
                }
                boolean removed = roster.setRemoval(tx, entry, expectedVersion, "REMOVED_WITH_REASON", reason);
                if (removed && plan.state() == PlanState.IN_HANDOVER) {
                    // already IN_HANDOVER in the registry: taken off the roster, the retiree is back at the enterprise
                    outbox.append(tx, plan.id().toString(), new HandoverWithdrawn(plan.id(), plan.enterpriseId(),
                            List.of(entry.retireeId())));
                }
                yield removed;
            }
            case RESTORE -> {
                if (!entry.removedByHand()) {
                    throw ApiException.conflict("ROSTER_ENTRY_NOT_REMOVED_BY_HAND");
                }
                yield roster.setRemoval(tx, entry, expectedVersion, null, null);
            }
        };
        if (!applied) {
            throw Versions.stale();
        }
        audit.append(tx, AuditRecord.of(actor, address, "ROSTER_" + action, "handover-plan", plan.id(),
                Outcome.SUCCESS, detail));
        return roster.byRetiree(tx, plan.id(), entry.retireeId()).orElseThrow();
    }

    /** Records that a retired cadre may be handed over with this plan; the next proposal puts them on the roster. */
    UUID recordCadreException(DbExecute tx, Actor actor, String address, Plan plan, CadreExceptionDraft draft) {
        requireRosterOpen(plan);
        List<FieldError> errors = new ArrayList<>();
        String reason = Texts.required("reason", draft.reason(), Texts.PROSE, errors);
        UUID retireeId = Texts.id("retireeId", draft.retireeId(), true, errors);
        PlanRecords.refuse(errors);
        Retiree retiree = registry.retiree(retireeId).filter(r -> r.enterpriseId().equals(plan.enterpriseId()))
                .orElseThrow(() -> ApiException.invalid(FieldError.of("retireeId", "RETIREE_NOT_OF_ENTERPRISE")));
        if (retiree.type() != RetireeType.RETIRED_CADRE) {
            throw ApiException.unprocessable("NOT_A_RETIRED_CADRE");
        }
        if (!roster.insertCadreException(tx, plan.id(), retireeId, reason, actor.userId())) {
            throw ApiException.conflict("CADRE_EXCEPTION_EXISTS");
        }
        audit.append(tx, AuditRecord.of(actor, address, "CADRE_EXCEPTION_RECORDED", "handover-plan", plan.id(),
                Outcome.SUCCESS, Map.of("retiree", retireeId.toString(), "reasonGiven", "true")));
        return retireeId;
    }

    static void requireRosterOpen(Plan plan) {
        if (!plan.state().rosterOpen()) {
            throw ApiException.conflict("ROSTER_LOCKED", plan.state().name());
        }
    }
}
