package cq.retirees.handover.internal;

import cq.retirees.handover.HandoverItem;
import cq.retirees.handover.PlanState;
import cq.retirees.handover.events.HandoverStarted;
import cq.retirees.handover.events.HandoverWithdrawn;
import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.Versions;
import cq.retirees.infra.outbox.Outbox;
import cq.retirees.kernel.access.Actor;
import io.helidon.dbclient.DbExecute;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves a plan through its states (DOMAIN.md §5.2). Every guard of the target state is checked; the first that
 * fails is the problem's code, and all that fail are listed in its {@code errors}, so the user sees at once
 * everything still missing.
 */
final class PlanLifecycle {

    /** What the caller asked for. {@code publicityEndsOn} only matters for PUBLICITY. */
    record TransitionRequest(String to, String reason, LocalDate publicityEndsOn) {
    }

    private final PlansDb plans;
    private final PlanRecordsDb records;
    private final RosterDb roster;
    private final BatchesDb batches;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;
    private final int publicityMinimumDays;

    PlanLifecycle(PlansDb plans, PlanRecordsDb records, RosterDb roster, BatchesDb batches, AuditTrail audit,
                  Outbox outbox, Clock clock, int publicityMinimumDays) {
        this.plans = plans;
        this.records = records;
        this.roster = roster;
        this.batches = batches;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.publicityMinimumDays = publicityMinimumDays;
    }

    int publicityMinimumDays() {
        return publicityMinimumDays;
    }

    /** Applies the transition to the locked plan, or throws the guards that refuse it. */
    Plan transition(DbExecute tx, Actor actor, String address, Plan plan, long expectedVersion,
                    TransitionRequest request) {
        PlanState to = target(request.to());
        List<FieldError> errors = new ArrayList<>();
        String reason = Texts.optional("reason", request.reason(), Texts.PROSE, errors);
        PlanRecords.refuse(errors);
        if (plan.version() != expectedVersion) {
            throw Versions.stale();
        }
        if (!plan.state().next().contains(to)) {
            throw ApiException.conflict("PLAN_TRANSITION_NOT_ALLOWED", plan.state().name(), to.name());
        }
        LocalDate today = LocalDate.now(clock);
        if (to == PlanState.WITHDRAWN && reason == null) {
            throw ApiException.invalid(FieldError.of("reason", "REASON_REQUIRED", Texts.PROSE.max()));
        }
        List<Guard> failed = new ArrayList<>(guards(tx, plan, to, today));
        PublicityPeriod publicity = null;
        if (to == PlanState.PUBLICITY) {
            publicity = PublicityPeriod.starting(today, request.publicityEndsOn(), publicityMinimumDays);
            if (publicity.tooShort(publicityMinimumDays)) {
                failed.add(Guard.of(422, "PUBLICITY_TOO_SHORT", publicityMinimumDays,
                        today.plusDays(publicityMinimumDays).toString()));
            }
        }
        refuseIfGuarded(failed);

        plans.moveTo(tx, plan, to, publicity == null ? null : publicity.startsOn(),
                publicity == null ? null : publicity.endsOn(), reason, actor.userId());
        if (to == PlanState.IN_HANDOVER) {
            outbox.append(tx, plan.id().toString(), new HandoverStarted(plan.id(), plan.enterpriseId(),
                    roster.onRoster(tx, plan.id())));
        }
        if (to == PlanState.WITHDRAWN) {
            batches.cancelOpen(tx, plan.id());
            roster.releaseFromBatches(tx, plan.id());
            if (plan.state() == PlanState.IN_HANDOVER) {
                outbox.append(tx, plan.id().toString(), new HandoverWithdrawn(plan.id(), plan.enterpriseId(),
                        roster.onRoster(tx, plan.id())));
            }
        }
        Map<String, String> detail = new TreeMap<>();
        detail.put("from", plan.state().name());
        detail.put("to", to.name());
        detail.put("reasonGiven", String.valueOf(reason != null && !reason.isEmpty())); // free text stays on the plan
        audit.append(tx, AuditRecord.of(actor, address, "PLAN_" + to.name(), "handover-plan", plan.id(),
                Outcome.SUCCESS, detail));
        return plans.byId(tx, plan.id()).orElseThrow();
    }

    /** The guards of moving {@code plan} to {@code to} that do not hold, in the order they are explained. */
    List<Guard> guards(DbExecute db, Plan plan, PlanState to, LocalDate today) {
        List<Guard> failed = new ArrayList<>();
        switch (to) {
            case PUBLICITY -> {
                if (roster.counts(db, plan.id()).onRoster() == 0) {
                    failed.add(Guard.of(422, "ROSTER_NOT_PROPOSED"));
                }
                if (records.consultations(db, plan.id()).stream().noneMatch(Consultation::withRepresentatives)) {
                    failed.add(Guard.of(422, "CONSULTATION_WITH_REPRESENTATIVES_MISSING"));
                }
            }
            case APPROVED -> {
                if (plan.publicityEndsOn() != null && !PublicityPeriod.over(plan.publicityEndsOn(), today)) {
                    failed.add(Guard.of(409, "PUBLICITY_NOT_ENDED", plan.publicityEndsOn().toString()));
                }
                long unanswered = records.unansweredObjections(db, plan.id());
                if (unanswered > 0) {
                    failed.add(Guard.of(422, "OBJECTIONS_UNANSWERED", unanswered));
                }
                if (blank(plan.conflictScreening())) {
                    failed.add(Guard.of(422, "CONFLICT_SCREENING_MISSING"));
                }
                if (blank(plan.riskAssessment())) {
                    failed.add(Guard.of(422, "RISK_ASSESSMENT_MISSING"));
                }
                if (blank(plan.contingencyPlan())) {
                    failed.add(Guard.of(422, "CONTINGENCY_PLAN_MISSING"));
                }
                if (plan.threeParty() == null) {
                    failed.add(Guard.of(422, "THREE_PARTY_MECHANISM_MISSING"));
                }
                if (!plan.benefitsDeclared()) {
                    failed.add(Guard.of(422, "CONTINUING_BENEFITS_NOT_DECLARED"));
                } else {
                    List<String> dropped = records.benefits(db, plan.id()).stream()
                            .filter(ContinuingBenefit::droppedWithoutLegalBasis).map(ContinuingBenefit::name).toList();
                    if (!dropped.isEmpty()) {
                        failed.add(Guard.of(422, "BENEFIT_DROPPED_WITHOUT_LEGAL_BASIS", String.join("、", dropped)));
                    }
                }
            }
            case COMPLETED -> {
                long waiting = roster.counts(db, plan.id()).notReceived();
                if (waiting > 0) {
                    failed.add(Guard.of(422, "RETIREES_NOT_RECEIVED", waiting));
                }
                long unsigned = batches.unsignedCount(db, plan.id());
                if (unsigned > 0) {
                    failed.add(Guard.of(422, "BATCHES_NOT_SIGNED", unsigned));
                }
                List<String> open = batches.openItems(db, plan.id()).stream()
                        .filter(HandoverItem::blocksSigning).map(Enum::name).toList();
                if (!open.isEmpty()) {
                    failed.add(Guard.of(422, "HANDOVER_ITEMS_OPEN", String.join(", ", open)));
                }
            }
            case WITHDRAWN -> {
                long signed = batches.signedCount(db, plan.id());
                if (signed > 0) {
                    failed.add(Guard.of(409, "PLAN_HAS_SIGNED_BATCHES", signed));
                }
            }
            default -> {
                // DRAFT → CONSULTATION and APPROVED → IN_HANDOVER have no guards beyond the state order.
            }
        }
        return failed;
    }

    private static void refuseIfGuarded(List<Guard> failed) {
        if (failed.isEmpty()) {
            return;
        }
        Guard first = failed.getFirst();
        List<FieldError> all = failed.stream().map(g -> FieldError.of("to", g.code(), g.args().toArray())).toList();
        throw new ApiException(first.status(), first.code(), first.args(), all, Map.of());
    }

    private static PlanState target(String to) {
        return Texts.kind("to", to, PlanState.class);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
