package cq.retirees.handover.internal;

import cq.retirees.handover.PlanState;
import cq.retirees.infra.db.CopyCsv;
import cq.retirees.infra.db.PgArrays;
import cq.retirees.kernel.AreaCode;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The roster proposal's reads and writes, on a plain JDBC connection: a proposal touches every entry of a roster
 * (100,000 for the largest enterprises) and the DB Client's row-by-row mapping costs more than the work itself.
 * Every method runs in the caller's transaction.
 */
final class ProposalStore {

    /** What a proposal needs to know of an existing entry: its proposal, and the retiree as it was then. */
    record Known(AreaCode proposedArea, UUID proposedBodyId, String reasonCode, String bodyReasonCode, String ruleId,
                 String alternatives, boolean overridden, boolean removed, String name, AreaCode residenceArea,
                 String residenceStreet) {
    }

    /** A new or changed proposal, with what it was before (all null for a new entry). */
    record ProposalRow(UUID retireeId, String name, AreaCode residenceArea, String residenceStreet, AreaCode area,
                       UUID bodyId, String reasonCode, String bodyReasonCode, String ruleId, String alternatives,
                       AreaCode previousArea, UUID previousBodyId, String previousReasonCode) {
    }

    record LockedPlan(UUID id, UUID enterpriseId, PlanState state) {
    }

    Optional<LockedPlan> lockPlan(Connection c, UUID planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT enterprise_id, state FROM handover.plans WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LockedPlan(planId, rs.getObject(1, UUID.class),
                        PlanState.valueOf(rs.getString(2)))) : Optional.empty();
            }
        }
    }

    Map<UUID, Known> known(Connection c, UUID planId) throws SQLException {
        Map<UUID, Known> known = new HashMap<>();
        Map<String, AreaCode> codes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT retiree_id, proposed_area, proposed_body_id,"
                + " reason_code, body_reason_code, rule_id, alternatives, override_area IS NOT NULL,"
                + " removed_code IS NOT NULL, retiree_name, residence_area, residence_street FROM handover.roster_entries"
                + " WHERE plan_id = ?")) {
            ps.setObject(1, planId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getObject(1, UUID.class), new Known(codes.computeIfAbsent(rs.getString(2), AreaCode::of),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getString(10),
                            codes.computeIfAbsent(rs.getString(11), AreaCode::of), rs.getString(12)));
                }
            }
        }
        return known;
    }

    Map<UUID, String> cadreExceptions(Connection c, UUID planId) throws SQLException {
        Map<UUID, String> exceptions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT retiree_id, reason FROM handover.cadre_exceptions WHERE plan_id = ?")) {
            ps.setObject(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    exceptions.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        return exceptions;
    }

    /** Adds the entries of retirees new to the roster, by COPY: the plan is locked, so no one else adds them. */
    void insert(Connection c, UUID planId, List<ProposalRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 160);
        for (ProposalRow r : rows) {
            csv.append(planId).append(',').append(r.retireeId()).append(',');
            CopyCsv.text(csv, r.name()).append(',').append(r.residenceArea().value()).append(',');
            CopyCsv.text(csv, r.residenceStreet()).append(',').append(r.area().value()).append(',');
            CopyCsv.plain(csv, r.bodyId()).append(',').append(r.reasonCode()).append(',')
                    .append(r.bodyReasonCode()).append(',');
            CopyCsv.text(csv, r.ruleId()).append(',');
            CopyCsv.text(csv, r.alternatives()).append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY handover.roster_entries (plan_id, retiree_id,"
                    + " retiree_name, residence_area, residence_street, proposed_area, proposed_body_id, reason_code,"
                    + " body_reason_code, rule_id, alternatives) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the new proposal of entries whose proposal changed (or that were taken off automatically and are
     * eligible again), in one statement. Overrides, cadre exceptions, removals by hand and batches stay.
     */
    void update(Connection c, UUID planId, List<ProposalRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE handover.roster_entries e SET"
                + " retiree_name = t.name, residence_area = t.residence_area, residence_street = t.residence_street,"
                + " proposed_area = t.area, proposed_body_id = t.body, reason_code = t.reason,"
                + " body_reason_code = t.body_reason, rule_id = t.rule, alternatives = t.alternatives,"
                + " previous_area = t.previous_area, previous_body_id = t.previous_body,"
                + " previous_reason_code = t.previous_reason, proposed_at = now(), version = e.version + 1,"
                + " removed_code = CASE WHEN e.removed_code = 'REMOVED_WITH_REASON' THEN e.removed_code END,"
                + " removed_reason = CASE WHEN e.removed_code = 'REMOVED_WITH_REASON' THEN e.removed_reason END"
                + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[]) AS t(retiree_id, name, residence_area,"
                + " residence_street, area, body, reason, body_reason, rule, alternatives, previous_area,"
                + " previous_body, previous_reason) WHERE e.plan_id = ? AND e.retiree_id = t.retiree_id")) {
            ps.setString(1, column(rows, ProposalRow::retireeId));
            ps.setString(2, column(rows, ProposalRow::name));
            ps.setString(3, column(rows, r -> r.residenceArea().value()));
            ps.setString(4, column(rows, ProposalRow::residenceStreet));
            ps.setString(5, column(rows, r -> r.area().value()));
            ps.setString(6, column(rows, ProposalRow::bodyId));
            ps.setString(7, column(rows, ProposalRow::reasonCode));
            ps.setString(8, column(rows, ProposalRow::bodyReasonCode));
            ps.setString(9, column(rows, ProposalRow::ruleId));
            ps.setString(10, column(rows, ProposalRow::alternatives));
            ps.setString(11, column(rows, r -> r.previousArea() == null ? null : r.previousArea().value()));
            ps.setString(12, column(rows, ProposalRow::previousBodyId));
            ps.setString(13, column(rows, ProposalRow::previousReasonCode));
            ps.setObject(14, planId);
            ps.executeUpdate();
        }
    }

    /** Before a run writes what changed: an entry explains only the change of the latest run. */
    void forgetEarlierChanges(Connection c, UUID planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE handover.roster_entries SET previous_area = NULL,"
                + " previous_body_id = NULL, previous_reason_code = NULL WHERE plan_id = ?"
                + " AND previous_area IS NOT NULL")) {
            ps.setObject(1, planId);
            ps.executeUpdate();
        }
    }

    /** Takes retirees who are no longer eligible off the roster, with a code saying why. */
    void remove(Connection c, UUID planId, Collection<UUID> retireeIds, String code, String reason)
            throws SQLException {
        if (retireeIds.isEmpty()) {
            return;
        }
        // A join on the unnested ids, not "= ANY(array)": the planner hashes them instead of scanning the array
        // once per row.
        try (PreparedStatement ps = c.prepareStatement("UPDATE handover.roster_entries r SET removed_code = ?,"
                + " removed_reason = ?, version = r.version + 1 FROM unnest(?::uuid[]) AS gone(id)"
                + " WHERE r.plan_id = ? AND r.retiree_id = gone.id AND r.removed_code IS NULL"
                + " AND r.received_on IS NULL")) {
            ps.setString(1, code);
            ps.setString(2, reason);
            ps.setString(3, PgArrays.literal(retireeIds));
            ps.setObject(4, planId);
            ps.executeUpdate();
        }
    }

    /** Copies the plan's cadre exceptions onto the entries they let in, and stamps the run on the plan. */
    void finish(Connection c, UUID planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE handover.roster_entries r"
                + " SET cadre_exception_reason = e.reason FROM handover.cadre_exceptions e WHERE r.plan_id = ?"
                + " AND e.plan_id = r.plan_id AND e.retiree_id = r.retiree_id"
                + " AND r.cadre_exception_reason IS DISTINCT FROM e.reason")) {
            ps.setObject(1, planId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE handover.plans SET roster_proposed_at = now() WHERE id = ?")) {
            ps.setObject(1, planId);
            ps.executeUpdate();
        }
    }

    private static <T> String column(List<ProposalRow> rows, Function<ProposalRow, T> value) {
        List<Object> values = new ArrayList<>(rows.size());
        for (ProposalRow row : rows) {
            values.add(value.apply(row));
        }
        return PgArrays.ordered(values);
    }
}
