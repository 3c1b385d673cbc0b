package cq.retirees.handover.internal;

import cq.retirees.handover.PlanState;
import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.Versions;
import cq.retirees.kernel.access.Actor;
import io.helidon.dbclient.DbExecute;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The records a plan must carry before it may move on: consultations, objections and their answers, conflict
 * screening with risk assessment and contingency plan, the three-party mechanism, and continuing benefits.
 */
final class PlanRecords {

    record ConsultationDraft(String heldOn, List<Consultation.Participant> participants, String minutes) {
    }

    record ObjectionDraft(String raisedOn, String raisedBy, String content) {
    }

    record AnswerDraft(String answer) {
    }

    record RiskDraft(String conflictScreening, String riskAssessment, String contingencyPlan) {
    }

    record ThreePartyDraft(List<String> enterpriseMembers, List<String> receivingMembers,
                           List<String> representativeMembers, String establishedOn) {
    }

    record BenefitDraft(String name, String category, Boolean continues, String legalBasis) {
    }

    record BenefitsDraft(List<BenefitDraft> benefits) {
    }

    private static final Set<PlanState> BEFORE_APPROVAL = Set.of(PlanState.DRAFT, PlanState.CONSULTATION,
            PlanState.PUBLICITY);

    private final PlansDb plans;
    private final PlanRecordsDb records;
    private final AuditTrail audit;
    private final Clock clock;

    PlanRecords(PlansDb plans, PlanRecordsDb records, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    Consultation recordConsultation(DbExecute tx, Actor actor, String address, Plan plan, ConsultationDraft draft) {
        requireBeforeApproval(plan);
        List<FieldError> errors = new ArrayList<>();
        LocalDate heldOn = Texts.date("heldOn", draft.heldOn(), true, errors);
        if (heldOn != null && heldOn.isAfter(LocalDate.now(clock))) {
            errors.add(FieldError.of("heldOn", "DATE_IN_FUTURE"));
        }
        List<Consultation.Participant> participants = new ArrayList<>();
        if (draft.participants() == null || draft.participants().isEmpty()) {
            errors.add(FieldError.of("participants", "PARTICIPANTS_REQUIRED"));
        } else {
            for (int i = 0; i < draft.participants().size(); i++) {
                Consultation.Participant p = draft.participants().get(i);
                String name = Texts.required("participants[" + i + "].name", p == null ? null : p.name(),
                        Texts.NAME, errors);
                String side = p == null ? null : p.side();
                if (!Consultation.SIDES.contains(String.valueOf(side))) {
                    errors.add(FieldError.of("participants[" + i + "].side", "KIND_UNKNOWN", Consultation.SIDES));
                }
                participants.add(new Consultation.Participant(name, side));
            }
        }
        String minutes = Texts.required("minutes", draft.minutes(), Texts.PROSE, errors);
        refuse(errors);
        Consultation consultation = new Consultation(UUID.randomUUID(), plan.id(), heldOn, participants, minutes,
                actor.userId(), null);
        records.insertConsultation(tx, consultation);
        audit.append(tx, AuditRecord.of(actor, address, "CONSULTATION_RECORDED", "handover-plan", plan.id(),
                Outcome.SUCCESS, Map.of("consultation", consultation.id().toString(),
                        "withRepresentatives", String.valueOf(consultation.withRepresentatives()))));
        return records.consultation(tx, consultation.id()).orElseThrow();
    }

    Objection raiseObjection(DbExecute tx, Actor actor, String address, Plan plan, ObjectionDraft draft) {
        if (plan.state() != PlanState.PUBLICITY) {
            throw ApiException.conflict("OBJECTION_OUTSIDE_PUBLICITY");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate raisedOn = Texts.date("raisedOn", draft.raisedOn(), true, errors);
        String raisedBy = Texts.required("raisedBy", draft.raisedBy(), Texts.NAME, errors);
        String content = Texts.required("content", draft.content(), Texts.PROSE, errors);
        if (raisedOn != null && (raisedOn.isBefore(plan.publicityStartsOn()) || raisedOn.isAfter(LocalDate.now(clock)))) {
            errors.add(FieldError.of("raisedOn", "DATE_OUTSIDE_PUBLICITY", plan.publicityStartsOn().toString()));
        }
        refuse(errors);
        Objection objection = new Objection(UUID.randomUUID(), plan.id(), raisedOn, raisedBy, content, null, null, 1,
                null);
        records.insertObjection(tx, objection, actor.userId());
        audit.append(tx, AuditRecord.of(actor, address, "OBJECTION_RECORDED", "handover-plan", plan.id(),
                Outcome.SUCCESS, Map.of("objection", objection.id().toString())));
        return records.objection(tx, plan.id(), objection.id()).orElseThrow();
    }

    Objection answerObjection(DbExecute tx, Actor actor, String address, Plan plan, Objection objection,
                              long expectedVersion, AnswerDraft draft) {
        if (plan.state() != PlanState.PUBLICITY) {
            throw ApiException.conflict("PLAN_STATE_FORBIDS", plan.state().name());
        }
        List<FieldError> errors = new ArrayList<>();
        String answer = Texts.required("answer", draft.answer(), Texts.PROSE, errors);
        refuse(errors);
        if (objection.version() != expectedVersion) {
            throw Versions.stale();
        }
        if (objection.answered()) {
            // an answer given during publicity is part of the public record: it is not rewritten
            throw ApiException.conflict("OBJECTION_ALREADY_ANSWERED", objection.answeredOn().toString());
        }
        if (!records.answer(tx, objection.id(), expectedVersion, answer, LocalDate.now(clock), actor.userId())) {
            throw Versions.stale();
        }
        audit.append(tx, AuditRecord.of(actor, address, "OBJECTION_ANSWERED", "handover-plan", plan.id(),
                Outcome.SUCCESS, Map.of("objection", objection.id().toString())));
        return records.objection(tx, plan.id(), objection.id()).orElseThrow();
    }

    void setRiskAssessment(DbExecute tx, Actor actor, String address, Plan plan, long expectedVersion,
                           RiskDraft draft) {
        requireBeforeApproval(plan);
        List<FieldError> errors = new ArrayList<>();
        String screening = Texts.required("conflictScreening", draft.conflictScreening(), Texts.PROSE, errors);
        String risk = Texts.required("riskAssessment", draft.riskAssessment(), Texts.PROSE, errors);
        String contingency = Texts.required("contingencyPlan", draft.contingencyPlan(), Texts.PROSE, errors);
        refuse(errors);
        requireVersion(plan, expectedVersion);
        plans.setRiskAssessment(tx, plan.id(), screening, risk, contingency);
        audit.append(tx, AuditRecord.of(actor, address, "RISK_ASSESSMENT_RECORDED", "handover-plan", plan.id(),
                Outcome.SUCCESS, Map.of()));
    }

    void setThreeParty(DbExecute tx, Actor actor, String address, Plan plan, long expectedVersion,
                       ThreePartyDraft draft) {
        requireBeforeApproval(plan);
        List<FieldError> errors = new ArrayList<>();
        List<String> enterprise = members("enterpriseMembers", draft.enterpriseMembers(), errors);
        List<String> receiving = members("receivingMembers", draft.receivingMembers(), errors);
        List<String> representatives = members("representativeMembers", draft.representativeMembers(), errors);
        LocalDate established = Texts.date("establishedOn", draft.establishedOn(), true, errors);
        refuse(errors);
        requireVersion(plan, expectedVersion);
        plans.setThreeParty(tx, plan.id(), new ThreePartyMechanism(enterprise, receiving, representatives, established));
        audit.append(tx, AuditRecord.of(actor, address, "THREE_PARTY_MECHANISM_RECORDED", "handover-plan", plan.id(),
                Outcome.SUCCESS, Map.of()));
    }

    void setBenefits(DbExecute tx, Actor actor, String address, Plan plan, long expectedVersion, BenefitsDraft draft) {
        requireBeforeApproval(plan);
        List<FieldError> errors = new ArrayList<>();
        if (draft.benefits() == null) {
            errors.add(FieldError.of("benefits", "LIST_REQUIRED"));
        }
        List<ContinuingBenefit> benefits = new ArrayList<>();
        List<BenefitDraft> drafts = draft.benefits() == null ? List.of() : draft.benefits();
        for (int i = 0; i < drafts.size(); i++) {
            BenefitDraft b = drafts.get(i);
            String at = "benefits[" + i + "].";
            String name = Texts.required(at + "name", b == null ? null : b.name(), Texts.NAME, errors);
            String category = b == null ? null : b.category();
            if (!ContinuingBenefit.CATEGORIES.contains(String.valueOf(category))) {
                errors.add(FieldError.of(at + "category", "KIND_UNKNOWN", ContinuingBenefit.CATEGORIES));
            }
            if (b == null || b.continues() == null) {
                errors.add(FieldError.of(at + "continues", "FLAG_REQUIRED"));
            }
            String basis = Texts.optional(at + "legalBasis", b == null ? null : b.legalBasis(), Texts.PROSE, errors);
            benefits.add(new ContinuingBenefit(name, category, b != null && Boolean.TRUE.equals(b.continues()), basis));
        }
        refuse(errors);
        requireVersion(plan, expectedVersion);
        records.replaceBenefits(tx, plan.id(), benefits);
        plans.setBenefitsDeclared(tx, plan.id());
        long dropped = benefits.stream().filter(ContinuingBenefit::droppedWithoutLegalBasis).count();
        audit.append(tx, AuditRecord.of(actor, address, "CONTINUING_BENEFITS_DECLARED", "handover-plan", plan.id(),
                Outcome.SUCCESS, Map.of("benefits", String.valueOf(benefits.size()),
                        "droppedWithoutLegalBasis", String.valueOf(dropped))));
    }

    private static List<String> members(String field, List<String> names, List<FieldError> errors) {
        if (names == null || names.isEmpty()) {
            errors.add(FieldError.of(field, "MEMBERS_REQUIRED"));
            return List.of();
        }
        List<String> members = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            members.add(Texts.required(field + "[" + i + "]", names.get(i), Texts.NAME, errors));
        }
        return members;
    }

    private static void requireBeforeApproval(Plan plan) {
        if (!BEFORE_APPROVAL.contains(plan.state())) {
            throw ApiException.conflict("PLAN_STATE_FORBIDS", plan.state().name());
        }
    }

    static void requireVersion(Plan plan, long expectedVersion) {
        if (plan.version() != expectedVersion) {
            throw Versions.stale();
        }
    }

    static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
