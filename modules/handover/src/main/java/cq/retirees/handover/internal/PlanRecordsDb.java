package cq.retirees.handover.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.http.Json;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The records a plan accumulates: consultations, objections, continuing benefits. */
final class PlanRecordsDb {

    private static final TypeReference<List<Consultation.Participant>> PARTICIPANTS = new TypeReference<>() {
    };

    void insertConsultation(DbExecute tx, Consultation c) {
        try {
            tx.dml("INSERT INTO handover.consultations (id, plan_id, held_on, participants, minutes, recorded_by)"
                            + " VALUES (?::uuid, ?::uuid, ?, ?::jsonb, ?, ?::uuid)", c.id(), c.planId(),
                    Date.valueOf(c.heldOn()), Json.mapper().writeValueAsString(c.participants()), c.minutes(),
                    c.recordedBy());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Consultation> consultations(DbExecute db, UUID planId) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM handover.consultations WHERE plan_id = ?::uuid"
                + " ORDER BY held_on, recorded_at", planId)) {
            return rows.map(PlanRecordsDb::consultation).toList();
        }
    }

    Optional<Consultation> consultation(DbExecute db, UUID id) {
        return db.get("SELECT * FROM handover.consultations WHERE id = ?::uuid", id).map(PlanRecordsDb::consultation);
    }

    private static Consultation consultation(DbRow r) {
        try {
            return new Consultation(Rows.uuid(r, "id"), Rows.uuid(r, "plan_id"), Rows.date(r, "held_on"),
                    Json.mapper().readValue(Rows.string(r, "participants"), PARTICIPANTS), Rows.string(r, "minutes"),
                    Rows.uuid(r, "recorded_by"), Rows.instant(r, "recorded_at"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    void insertObjection(DbExecute tx, Objection o, UUID recordedBy) {
        tx.dml("INSERT INTO handover.objections (id, plan_id, raised_on, raised_by, content, recorded_by)"
                        + " VALUES (?::uuid, ?::uuid, ?, ?, ?, ?::uuid)", o.id(), o.planId(), Date.valueOf(o.raisedOn()),
                o.raisedBy(), o.content(), recordedBy);
    }

    Optional<Objection> objection(DbExecute db, UUID planId, UUID id) {
        return db.get("SELECT * FROM handover.objections WHERE plan_id = ?::uuid AND id = ?::uuid", planId, id)
                .map(PlanRecordsDb::objection);
    }

    List<Objection> objections(DbExecute db, UUID planId) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM handover.objections WHERE plan_id = ?::uuid"
                + " ORDER BY raised_on, created_at", planId)) {
            return rows.map(PlanRecordsDb::objection).toList();
        }
    }

    /** False when the version has moved on. */
    boolean answer(DbExecute tx, UUID id, long expectedVersion, String answer, LocalDate on, UUID by) {
        return tx.dml("UPDATE handover.objections SET answer = ?, answered_on = ?, answered_by = ?::uuid,"
                        + " version = version + 1 WHERE id = ?::uuid AND version = ?", answer, Date.valueOf(on), by, id,
                expectedVersion) == 1;
    }

    long unansweredObjections(DbExecute db, UUID planId) {
        return db.get("SELECT count(*) AS n FROM handover.objections WHERE plan_id = ?::uuid AND answer IS NULL",
                planId).map(r -> Rows.longValue(r, "n")).orElse(0L);
    }

    void replaceBenefits(DbExecute tx, UUID planId, List<ContinuingBenefit> benefits) {
        tx.dml("DELETE FROM handover.continuing_benefits WHERE plan_id = ?::uuid", planId);
        for (int i = 0; i < benefits.size(); i++) {
            ContinuingBenefit b = benefits.get(i);
            tx.dml("INSERT INTO handover.continuing_benefits (plan_id, position, name, category, continues, legal_basis)"
                    + " VALUES (?::uuid, ?, ?, ?, ?, ?)", planId, i, b.name(), b.category(), b.continues(), b.legalBasis());
        }
    }

    List<ContinuingBenefit> benefits(DbExecute db, UUID planId) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM handover.continuing_benefits WHERE plan_id = ?::uuid"
                + " ORDER BY position", planId)) {
            return rows.map(r -> new ContinuingBenefit(Rows.string(r, "name"), Rows.string(r, "category"),
                    Rows.bool(r, "continues"), Rows.string(r, "legal_basis"))).toList();
        }
    }

    private static Objection objection(DbRow r) {
        return new Objection(Rows.uuid(r, "id"), Rows.uuid(r, "plan_id"), Rows.date(r, "raised_on"),
                Rows.string(r, "raised_by"), Rows.string(r, "content"), Rows.string(r, "answer"),
                Rows.date(r, "answered_on"), Rows.longValue(r, "version"), Rows.instant(r, "created_at"));
    }
}
