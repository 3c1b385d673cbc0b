package cq.retirees.handover.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import cq.retirees.handover.PlanState;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.http.Json;
import cq.retirees.infra.security.ScopeFilter;
import cq.retirees.kernel.AreaCode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Plans in {@code handover.plans} and their transitions. */
final class PlansDb {

    /** False when the enterprise already has an active plan. */
    boolean insert(DbExecute db, UUID id, UUID enterpriseId, UUID createdBy) {
        return db.dml("INSERT INTO handover.plans (id, enterprise_id, state, created_by) VALUES (?::uuid, ?::uuid,"
                        + " 'DRAFT', ?::uuid) ON CONFLICT (enterprise_id) WHERE state NOT IN ('COMPLETED', 'WITHDRAWN')"
                        + " DO NOTHING", id, enterpriseId, createdBy) == 1;
    }

    Optional<Plan> byId(DbExecute db, UUID id) {
        return db.get("SELECT * FROM handover.plans WHERE id = ?::uuid", id).map(PlansDb::plan);
    }

    /** The plan, locked until the transaction ends: every change to a plan or its roster goes through here. */
    Optional<Plan> lock(DbExecute tx, UUID id) {
        return tx.get("SELECT * FROM handover.plans WHERE id = ?::uuid FOR UPDATE", id).map(PlansDb::plan);
    }

    Optional<Plan> activeOf(DbExecute db, UUID enterpriseId) {
        return db.get("SELECT * FROM handover.plans WHERE enterprise_id = ?::uuid"
                + " AND state NOT IN ('COMPLETED', 'WITHDRAWN')", enterpriseId).map(PlansDb::plan);
    }

    /** Plans the scope covers: its enterprises', or those with retirees received in its areas. */
    List<Plan> page(DbExecute db, ScopeFilter scope, UUID enterpriseId, PlanState state, UUID afterId, int fetch) {
        String stateName = state == null ? null : state.name();
        try (Stream<DbRow> rows = db.query("SELECT p.* FROM handover.plans p WHERE p.id > ?::uuid"
                        + " AND (? OR p.enterprise_id = ANY(?::uuid[]) OR EXISTS (SELECT 1 FROM handover.roster_entries r"
                        + "      WHERE r.plan_id = p.id AND r.removed_code IS NULL AND r.receiving_area = ANY(?::text[])))"
                        + " AND (?::uuid IS NULL OR p.enterprise_id = ?::uuid) AND (?::text IS NULL OR p.state = ?)"
                        + " ORDER BY p.id LIMIT ?",
                afterId, scope.citywide(), scope.enterprises(), scope.areas(), enterpriseId, enterpriseId,
                stateName, stateName, fetch)) {
            return rows.map(PlansDb::plan).toList();
        }
    }

    /** The areas the plan's roster proposes to receive in: who besides the enterprise may follow the plan. */
    Set<AreaCode> receivingAreas(DbExecute db, UUID planId) {
        try (Stream<DbRow> rows = db.query("SELECT DISTINCT receiving_area FROM handover.roster_entries"
                + " WHERE plan_id = ?::uuid AND removed_code IS NULL", planId)) {
            return rows.map(r -> AreaCode.of(Rows.string(r, "receiving_area"))).collect(Collectors.toSet());
        }
    }

    void moveTo(DbExecute tx, Plan plan, PlanState to, LocalDate publicityStarts, LocalDate publicityEnds,
                String reason, UUID by) {
        tx.dml("UPDATE handover.plans SET state = ?, publicity_starts_on = coalesce(?, publicity_starts_on),"
                        + " publicity_ends_on = coalesce(?, publicity_ends_on), withdrawal_reason = ?,"
                        + " version = version + 1, updated_at = now() WHERE id = ?::uuid",
                to.name(), publicityStarts == null ? null : Date.valueOf(publicityStarts),
                publicityEnds == null ? null : Date.valueOf(publicityEnds),
                to == PlanState.WITHDRAWN ? reason : null, plan.id());
        tx.dml("INSERT INTO handover.plan_transitions (plan_id, from_state, to_state, reason, changed_by)"
                + " VALUES (?::uuid, ?, ?, ?, ?::uuid)", plan.id(), plan.state().name(), to.name(), reason, by);
    }

    void setRiskAssessment(DbExecute tx, UUID planId, String conflictScreening, String riskAssessment,
                           String contingencyPlan) {
        tx.dml("UPDATE handover.plans SET conflict_screening = ?, risk_assessment = ?, contingency_plan = ?,"
                        + " version = version + 1, updated_at = now() WHERE id = ?::uuid",
                conflictScreening, riskAssessment, contingencyPlan, planId);
    }

    void setThreeParty(DbExecute tx, UUID planId, ThreePartyMechanism mechanism) {
        tx.dml("UPDATE handover.plans SET three_party = ?::jsonb, version = version + 1, updated_at = now()"
                + " WHERE id = ?::uuid", json(mechanism), planId);
    }

    void setBenefitsDeclared(DbExecute tx, UUID planId) {
        tx.dml("UPDATE handover.plans SET benefits_declared = true, version = version + 1, updated_at = now()"
                + " WHERE id = ?::uuid", planId);
    }

    void rosterProposed(DbExecute tx, UUID planId) {
        tx.dml("UPDATE handover.plans SET roster_proposed_at = now() WHERE id = ?::uuid", planId);
    }

    List<Transition> transitions(DbExecute db, UUID planId) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM handover.plan_transitions WHERE plan_id = ?::uuid"
                + " ORDER BY seq", planId)) {
            return rows.map(r -> new Transition(Rows.string(r, "from_state"), Rows.string(r, "to_state"),
                    Rows.string(r, "reason"), Rows.uuid(r, "changed_by"), Rows.instant(r, "changed_at"))).toList();
        }
    }

    record Transition(String from, String to, String reason, UUID changedBy, Instant changedAt) {
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Plan plan(DbRow row) {
        String threeParty = Rows.string(row, "three_party");
        ThreePartyMechanism mechanism = null;
        if (threeParty != null) {
            try {
                mechanism = Json.mapper().readValue(threeParty, ThreePartyMechanism.class);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Plan(Rows.uuid(row, "id"), Rows.uuid(row, "enterprise_id"),
                PlanState.valueOf(Rows.string(row, "state")), Rows.date(row, "publicity_starts_on"),
                Rows.date(row, "publicity_ends_on"), Rows.string(row, "conflict_screening"),
                Rows.string(row, "risk_assessment"), Rows.string(row, "contingency_plan"), mechanism,
                Rows.bool(row, "benefits_declared"), Rows.string(row, "withdrawal_reason"),
                Rows.instant(row, "roster_proposed_at"), Rows.longValue(row, "version"), Rows.uuid(row, "created_by"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }
}
