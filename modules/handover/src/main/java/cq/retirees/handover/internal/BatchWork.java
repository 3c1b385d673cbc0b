package cq.retirees.handover.internal;

import cq.retirees.handover.HandoverItem;
import cq.retirees.handover.PlanState;
import cq.retirees.handover.events.BatchSigned;
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
import io.helidon.dbclient.DbExecute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Batches (DOMAIN.md §5.2–5.3): opening one for a receiving body or area, working through its handover items, and
 * signing it. The second signature makes it SIGNED, marks its retirees received from its effective date and
 * publishes {@link BatchSigned} through the outbox, all in one transaction.
 */
final class BatchWork {

    record BatchDraft(String receivingAreaCode, String receivingBodyId, String effectiveOn, List<String> retireeIds) {
    }

    record ItemDraft(String status, String note) {
    }

    record SignatureDraft(String side, String signatory) {
    }

    private final BatchesDb batches;
    private final RosterDb roster;
    private final ReceivingTargets targets;
    private final AuditTrail audit;
    private final Outbox outbox;

    BatchWork(BatchesDb batches, RosterDb roster, Registry registry, AuditTrail audit, Outbox outbox) {
        this.batches = batches;
        this.roster = roster;
        this.targets = new ReceivingTargets(registry);
        this.audit = audit;
        this.outbox = outbox;
    }

    Batch open(DbExecute tx, Actor actor, String address, Plan plan, BatchDraft draft) {
        if (plan.state() != PlanState.IN_HANDOVER) {
            throw ApiException.conflict("PLAN_NOT_IN_HANDOVER", plan.state().name());
        }
        List<FieldError> errors = new ArrayList<>();
        AreaCode area = targets.area("receivingAreaCode", draft.receivingAreaCode(), false, errors);
        UUID bodyId = targets.body("receivingBodyId", draft.receivingBodyId(), area, errors);
        LocalDate effectiveOn = Texts.date("effectiveOn", draft.effectiveOn(), true, errors);
        List<UUID> requested = null;
        if (draft.retireeIds() != null) {
            LinkedHashSet<UUID> ids = new LinkedHashSet<>();
            for (int i = 0; i < draft.retireeIds().size(); i++) {
                UUID id = Texts.id("retireeIds[" + i + "]", draft.retireeIds().get(i), true, errors);
                if (id != null) {
                    ids.add(id);
                }
            }
            requested = List.copyOf(ids);
        }
        PlanRecords.refuse(errors);

        List<UUID> members;
        if (requested == null) {
            members = roster.unbatched(tx, plan.id(), area, bodyId);
        } else {
            members = requested;
            Map<UUID, RosterEntry> entries = roster.byRetirees(tx, plan.id(), requested);
            for (UUID id : requested) {
                RosterEntry entry = Optional.ofNullable(entries.get(id)).filter(e -> !e.removed())
                        .orElseThrow(() -> ApiException.unprocessable("RETIREE_NOT_ON_ROSTER", id.toString()));
                if (entry.receivedOn() != null) {
                    throw ApiException.conflict("RETIREE_ALREADY_RECEIVED");
                }
                if (entry.batchId() != null) {
                    throw ApiException.conflict("RETIREE_IN_OPEN_BATCH", id.toString(), entry.batchId().toString());
                }
                if (!entry.receivingArea().equals(area) || !Objects.equals(entry.receivingBodyId(), bodyId)) {
                    throw ApiException.unprocessable("RETIREE_RECEIVED_ELSEWHERE", id.toString());
                }
            }
        }
        if (members.isEmpty()) {
            throw ApiException.unprocessable("BATCH_EMPTY");
        }
        Batch batch = new Batch(UUID.randomUUID(), plan.id(), area, bodyId, effectiveOn, "OPEN", null, null, null,
                null, 1, null);
        batches.insert(tx, batch, actor.userId());
        if (roster.assignBatch(tx, plan.id(), batch.id(), members) != members.size()) {
            // Another batch took some of them between the read and this write.
            throw ApiException.conflict("RETIREE_IN_OPEN_BATCH", "", "");
        }
        audit.append(tx, AuditRecord.of(actor, address, "BATCH_OPENED", "handover-batch", batch.id(), Outcome.SUCCESS,
                Map.of("plan", plan.id().toString(), "area", area.value(), "retirees", String.valueOf(members.size()))));
        return batches.byId(tx, batch.id()).orElseThrow();
    }

    Batch setItem(DbExecute tx, Actor actor, String address, Batch batch, long expectedVersion, String itemName,
                  ItemDraft draft) {
        HandoverItem item;
        try {
            item = HandoverItem.valueOf(String.valueOf(itemName));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("NOT_FOUND", "handover-item");
        }
        List<FieldError> errors = new ArrayList<>();
        ItemStatus status = Texts.kind("status", draft.status(), ItemStatus.class, errors);
        String note = Texts.optional("note", draft.note(), Texts.PROSE, errors);
        if (status == ItemStatus.NOT_APPLICABLE && note == null && !Texts.reported("note", errors)) {
            errors.add(FieldError.of("note", "TEXT_REQUIRED", Texts.PROSE.max()));
        }
        PlanRecords.refuse(errors);
        if (batch.version() != expectedVersion) {
            throw Versions.stale();
        }
        if (!batch.open()) {
            throw ApiException.conflict("BATCH_NOT_OPEN", batch.state());
        }
        if (batch.enterpriseSignedAt() != null || batch.receivingSignedAt() != null) {
            // the first signature covers the checklist as it stood; changing it would leave that signature stale
            throw ApiException.conflict("BATCH_PARTLY_SIGNED");
        }
        batches.setItem(tx, batch.id(), item, status, note, actor.userId());
        audit.append(tx, AuditRecord.of(actor, address, "HANDOVER_ITEM_UPDATED", "handover-batch", batch.id(),
                Outcome.SUCCESS, Map.of("item", item.name(), "status", status.name())));
        return batches.byId(tx, batch.id()).orElseThrow();
    }

    /**
     * Signs for one side. Signing a side already signed changes nothing and publishes nothing, so a repeated
     * request is harmless; a stale {@code If-Match} is refused first, so of two concurrent signatures on one
     * version exactly one applies.
     */
    Batch sign(DbExecute tx, Actor actor, String address, Plan plan, Batch batch, long expectedVersion,
               SigningSide side, String signatory) {
        if (batch.version() != expectedVersion) {
            throw Versions.stale();
        }
        if (batch.signedBy(side)) {
            return batch;
        }
        if (!batch.open()) {
            throw ApiException.conflict("BATCH_NOT_OPEN", batch.state());
        }
        if (plan.state() != PlanState.IN_HANDOVER) {
            throw ApiException.conflict("PLAN_NOT_IN_HANDOVER", plan.state().name());
        }
        List<String> open = batches.items(tx, batch.id()).stream()
                .filter(i -> i.item().blocksSigning() && !i.status().closed()).map(i -> i.item().name()).toList();
        if (!open.isEmpty()) {
            throw ApiException.unprocessable("BATCH_ITEMS_OPEN", String.join(", ", open));
        }
        if (batches.members(tx, batch.id()) == 0) {
            throw ApiException.unprocessable("BATCH_EMPTY");
        }
        batches.sign(tx, batch.id(), side, signatory, actor.userId());
        Batch signed = batches.byId(tx, batch.id()).orElseThrow();
        if (signed.signed()) {
            List<UUID> received = roster.markReceived(tx, batch.id(), batch.effectiveOn());
            outbox.append(tx, batch.id().toString(), new BatchSigned(batch.id(), plan.id(), plan.enterpriseId(),
                    batch.receivingArea().value(), batch.receivingBodyId(), batch.effectiveOn(), received));
        }
        audit.append(tx, AuditRecord.of(actor, address, signed.signed() ? "BATCH_SIGNED" : "BATCH_SIGNATURE",
                "handover-batch", batch.id(), Outcome.SUCCESS, Map.of("side", side.name())));
        return signed;
    }
}
