package cq.retirees.handover.internal;

import cq.retirees.handover.PlanState;
import cq.retirees.infra.http.Language;
import cq.retirees.infra.http.Messages;
import io.helidon.dbclient.DbExecute;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Plans, roster entries, batches and petitions as the API shows them, with labels in the caller's language. */
final class PlanViews {

    record PlanSummaryView(UUID id, UUID enterpriseId, String state, String stateLabel, LocalDate publicityStartsOn,
                           LocalDate publicityEndsOn, long version, Instant createdAt, Instant updatedAt) {
    }

    record PlanView(UUID id, UUID enterpriseId, String state, String stateLabel, Publicity publicity,
                    List<Consultation> consultations, ObjectionCounts objections, Risk riskAssessment,
                    ThreePartyMechanism threePartyMechanism, List<ContinuingBenefit> continuingBenefits,
                    RosterDb.Counts roster, List<PetitionView> openPetitions, List<NextState> nextStates,
                    String withdrawalReason, List<PlansDb.Transition> history, long version, Instant createdAt,
                    Instant updatedAt) {
    }

    record Publicity(LocalDate startsOn, LocalDate endsOn, int minimumDays) {
    }

    record ObjectionCounts(long total, long unanswered) {
    }

    record Risk(String conflictScreening, String riskAssessment, String contingencyPlan) {
    }

    /** A state the plan may move to next, and what still stands in the way. */
    record NextState(String state, String stateLabel, List<Blocker> blockedBy) {
    }

    record Blocker(String code, String message) {
    }

    record ObjectionView(UUID id, LocalDate raisedOn, String raisedBy, String content, String answer,
                         LocalDate answeredOn, long version) {
    }

    record Proposal(String areaCode, UUID receivingBodyId, String reasonCode, String reasonLabel,
                    String bodyReasonCode, String bodyReasonLabel, String ruleId, List<AlternativeView> alternatives) {
    }

    record AlternativeView(String areaCode, String reasonCode, String reasonLabel) {
    }

    record PreviousProposal(String areaCode, UUID receivingBodyId, String reasonCode, String reasonLabel) {
    }

    record Override(String areaCode, UUID receivingBodyId, String reason) {
    }

    record Removal(String code, String reason) {
    }

    record RosterEntryView(UUID retireeId, String name, String residenceAreaCode, String residenceStreet,
                           Proposal proposal, PreviousProposal changedFrom, Override override,
                           String receivingAreaCode, UUID receivingBodyId, String cadreExceptionReason,
                           Removal removed, UUID batchId, LocalDate receivedOn, long version) {
    }

    record BatchView(UUID id, UUID planId, String receivingAreaCode, UUID receivingBodyId, LocalDate effectiveOn,
                     String state, String stateLabel, long retirees, List<ItemView> items, Signature enterpriseSignature,
                     Signature receivingSignature, long version, Instant createdAt) {
    }

    record ItemView(String item, String itemLabel, String status, String statusLabel, String note,
                    boolean blocksSigning) {
    }

    record Signature(String signatory, Instant signedAt) {
    }

    record PetitionView(UUID id, UUID planId, UUID retireeId, String channel, String channelLabel, String content,
                        LocalDate receivedOn, String responsibleUnit, String status, String statusLabel,
                        String handlingNote, long version, Instant createdAt, Instant updatedAt) {
    }

    private final Messages messages;
    private final PlansDb plans;
    private final PlanRecordsDb records;
    private final RosterDb roster;
    private final PetitionsDb petitions;
    private final PlanLifecycle lifecycle;
    private final Clock clock;

    PlanViews(Messages messages, PlansDb plans, PlanRecordsDb records, RosterDb roster, PetitionsDb petitions,
              PlanLifecycle lifecycle, Clock clock) {
        this.messages = messages;
        this.plans = plans;
        this.records = records;
        this.roster = roster;
        this.petitions = petitions;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    PlanSummaryView summary(Plan p, Language language) {
        return new PlanSummaryView(p.id(), p.enterpriseId(), p.state().name(),
                messages.label("PlanState", p.state().name(), language), p.publicityStartsOn(), p.publicityEndsOn(),
                p.version(), p.createdAt(), p.updatedAt());
    }

    PlanView plan(DbExecute db, Plan p, Language language) {
        List<Objection> objections = records.objections(db, p.id());
        Risk risk = p.conflictScreening() == null && p.riskAssessment() == null && p.contingencyPlan() == null ? null
                : new Risk(p.conflictScreening(), p.riskAssessment(), p.contingencyPlan());
        LocalDate today = LocalDate.now(clock);
        List<NextState> next = p.state().next().stream().sorted().map(state -> new NextState(state.name(),
                messages.label("PlanState", state.name(), language),
                lifecycle.guards(db, p, state, today).stream()
                        .map(g -> new Blocker(g.code(), messages.detail(g.code(), g.args(), language))).toList()))
                .toList();
        return new PlanView(p.id(), p.enterpriseId(), p.state().name(),
                messages.label("PlanState", p.state().name(), language),
                new Publicity(p.publicityStartsOn(), p.publicityEndsOn(), lifecycle.publicityMinimumDays()),
                records.consultations(db, p.id()),
                new ObjectionCounts(objections.size(), objections.stream().filter(o -> !o.answered()).count()), risk,
                p.threeParty(), p.benefitsDeclared() ? records.benefits(db, p.id()) : null, roster.counts(db, p.id()),
                petitions.open(db, p.id()).stream().map(t -> petition(t, language)).toList(),
                p.state() == PlanState.COMPLETED ? List.of() : next, p.withdrawalReason(),
                plans.transitions(db, p.id()), p.version(), p.createdAt(), p.updatedAt());
    }

    static ObjectionView objection(Objection o) {
        return new ObjectionView(o.id(), o.raisedOn(), o.raisedBy(), o.content(), o.answer(), o.answeredOn(),
                o.version());
    }

    RosterEntryView entry(RosterEntry e, Language language) {
        Proposal proposal = new Proposal(e.proposedArea().value(), e.proposedBodyId(), e.reasonCode(),
                reason(e.reasonCode(), language), e.bodyReasonCode(), reason(e.bodyReasonCode(), language), e.ruleId(),
                e.alternatives().stream().map(a -> new AlternativeView(a.area().value(), a.reasonCode(),
                        reason(a.reasonCode(), language))).toList());
        PreviousProposal previous = e.previousArea() == null ? null : new PreviousProposal(e.previousArea().value(),
                e.previousBodyId(), e.previousReasonCode(), reason(e.previousReasonCode(), language));
        Override override = e.overridden() ? new Override(e.overrideArea().value(), e.overrideBodyId(),
                e.overrideReason()) : null;
        return new RosterEntryView(e.retireeId(), e.retireeName(), e.residenceArea().value(), e.residenceStreet(),
                proposal, previous, override, e.receivingArea().value(), e.receivingBodyId(),
                e.cadreExceptionReason(), e.removed() ? new Removal(e.removedCode(), e.removedReason()) : null,
                e.batchId(), e.receivedOn(), e.version());
    }

    BatchView batch(Batch b, List<BatchItem> items, long retirees, Language language) {
        return new BatchView(b.id(), b.planId(), b.receivingArea().value(), b.receivingBodyId(), b.effectiveOn(),
                b.state(), messages.label("BatchState", b.state(), language), retirees,
                items.stream().map(i -> new ItemView(i.item().name(),
                        messages.label("HandoverItem", i.item().name(), language), i.status().name(),
                        messages.label("ItemStatus", i.status().name(), language), i.note(),
                        i.item().blocksSigning())).toList(),
                b.enterpriseSignedAt() == null ? null : new Signature(b.enterpriseSignatory(), b.enterpriseSignedAt()),
                b.receivingSignedAt() == null ? null : new Signature(b.receivingSignatory(), b.receivingSignedAt()),
                b.version(), b.createdAt());
    }

    PetitionView petition(Petition t, Language language) {
        return new PetitionView(t.id(), t.planId(), t.retireeId(), t.channel().name(),
                messages.label("PetitionChannel", t.channel().name(), language), t.content(), t.receivedOn(),
                t.responsibleUnit(), t.status().name(), messages.label("PetitionStatus", t.status().name(), language),
                t.handlingNote(), t.version(), t.createdAt(), t.updatedAt());
    }

    String reason(String code, Language language) {
        return code == null ? null : messages.label("ReceivingReason", code, language);
    }
}
