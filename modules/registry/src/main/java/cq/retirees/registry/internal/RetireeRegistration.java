package cq.retirees.registry.internal;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.Versions;
import cq.retirees.infra.outbox.Outbox;
import cq.retirees.kernel.access.Actor;
import cq.retirees.registry.Retiree;
import cq.retirees.registry.RetireeStatus;
import cq.retirees.registry.events.RetireeDied;
import io.helidon.dbclient.DbExecute;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Registering a retiree, correcting their record, and recording their death. */
final class RetireeRegistration {

    private final RetireesDb retirees;
    private final AreasDb areas;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    RetireeRegistration(RetireesDb retirees, AreasDb areas, AuditTrail audit, Outbox outbox, Clock clock) {
        this.retirees = retirees;
        this.areas = areas;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    Retiree register(DbExecute tx, Actor actor, String address, UUID enterpriseId, RetireeDraft draft) {
        RetireeFacts facts = validated(tx, draft);
        retirees.enterpriseHolding(tx, facts.idNumber()).ifPresent(holder -> {
            throw holder.equals(enterpriseId)
                    ? ApiException.conflict("RETIREE_ALREADY_REGISTERED")
                    : ApiException.conflict("ID_NUMBER_AT_OTHER_ENTERPRISE");
        });
        UUID id = TimeOrderedIds.next();
        retirees.insert(tx, id, enterpriseId, facts);
        audit.append(tx, AuditRecord.of(actor, address, "RETIREE_REGISTERED", "retiree", id, Outcome.SUCCESS,
                Map.of("enterpriseId", enterpriseId.toString())));
        if (facts.deathDate() != null) {
            outbox.append(tx, id.toString(), new RetireeDied(id, enterpriseId, facts.deathDate()));
        }
        return retirees.byId(tx, id).orElseThrow();
    }

    Retiree correct(DbExecute tx, Actor actor, String address, Retiree current, long expectedVersion, RetireeDraft draft) {
        if (current.version() != expectedVersion) {
            throw Versions.stale();
        }
        RetireeFacts facts = validated(tx, draft);
        if (!retirees.update(tx, current.id(), expectedVersion, facts)) {
            throw Versions.stale();
        }
        audit.append(tx, AuditRecord.of(actor, address, "RETIREE_UPDATED", "retiree", current.id(), Outcome.SUCCESS,
                Map.of()));
        return retirees.byId(tx, current.id()).orElseThrow();
    }

    Retiree recordDeath(DbExecute tx, Actor actor, String address, Retiree current, long expectedVersion,
                        LocalDate deathDate) {
        if (deathDate == null) {
            throw ApiException.invalid(FieldError.of("deathDate", "FIELD_REQUIRED"));
        }
        if (current.status() == RetireeStatus.DECEASED) {
            throw ApiException.conflict("RETIREE_ALREADY_DECEASED");
        }
        if (deathDate.isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid(FieldError.of("deathDate", "DATE_IN_FUTURE"));
        }
        if (deathDate.isBefore(current.retirementDate())) {
            throw ApiException.invalid(FieldError.of("deathDate", "DATES_OUT_OF_ORDER"));
        }
        if (!retirees.recordDeath(tx, current.id(), expectedVersion, deathDate)) {
            throw Versions.stale();
        }
        outbox.append(tx, current.id().toString(), new RetireeDied(current.id(), current.enterpriseId(), deathDate));
        audit.append(tx, AuditRecord.of(actor, address, "RETIREE_DEATH_RECORDED", "retiree", current.id(),
                Outcome.SUCCESS, Map.of("deathDate", deathDate.toString())));
        return retirees.byId(tx, current.id()).orElseThrow();
    }

    private RetireeFacts validated(DbExecute tx, RetireeDraft draft) {
        RetireeRules.Checked checked = new RetireeRules(AreaCalendar.load(areas, tx), LocalDate.now(clock)).check(draft);
        if (!checked.valid()) {
            throw ApiException.invalid(checked.errors());
        }
        return checked.facts();
    }
}
