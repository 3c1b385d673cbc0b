package cq.retirees.registry.internal;

import cq.retirees.infra.db.PgArrays;
import cq.retirees.kernel.AreaCode;
import cq.retirees.registry.Area;
import cq.retirees.registry.Enterprise;
import cq.retirees.registry.HandoverCandidate;
import cq.retirees.registry.PlanRetirees;
import cq.retirees.registry.Reception;
import cq.retirees.registry.RetireeStatus;
import cq.retirees.registry.RetireeType;
import cq.retirees.registry.Retiree;
import cq.retirees.registry.ReceivingBody;
import cq.retirees.registry.Registry;
import io.helidon.dbclient.DbClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** The registry facade: lookups for other modules, and the handover steps they drive. */
public final class RegistryLookups implements Registry {

    private final DbClient db;
    private final AreasDb areas;
    private final ReceivingBodiesDb bodies;
    private final EnterprisesDb enterprises;
    private final RetireesDb retirees;
    private final HandoverSteps handoverSteps;
    private final DataSource bulk;
    private final Clock clock;

    RegistryLookups(DbClient db, DataSource bulk, AreasDb areas, ReceivingBodiesDb bodies, EnterprisesDb enterprises,
                    RetireesDb retirees, HandoverSteps handoverSteps, Clock clock) {
        this.db = db;
        this.areas = areas;
        this.bodies = bodies;
        this.enterprises = enterprises;
        this.retirees = retirees;
        this.handoverSteps = handoverSteps;
        this.bulk = bulk;
        this.clock = clock;
    }

    @Override
    public Optional<Enterprise> enterprise(UUID id) {
        return enterprises.byId(db.execute(), id);
    }

    @Override
    public Optional<Retiree> retiree(UUID id) {
        return retirees.byId(db.execute(), id);
    }

    @Override
    public Optional<Area> areaOn(AreaCode code, LocalDate day) {
        return areas.on(db.execute(), code, day);
    }

    @Override
    public boolean areaInForce(AreaCode code) {
        return areaOn(code, LocalDate.now(clock)).isPresent();
    }

    @Override
    public Optional<ReceivingBody> receivingBody(UUID id) {
        return bodies.byId(db.execute(), id);
    }

    @Override
    public Set<AreaCode> areasInForce() {
        return areas.inForce(db.execute(), LocalDate.now(clock));
    }

    @Override
    public List<ReceivingBody> receivingBodiesIn(Set<AreaCode> codes) {
        return bodies.inAreas(db.execute(), codes);
    }

    @Override
    public List<Retiree> retirees(Collection<UUID> ids) {
        try (Stream<io.helidon.dbclient.DbRow> rows = db.execute().query(
                "SELECT * FROM registry.retirees WHERE id = ANY(?::uuid[])", PgArrays.literal(List.copyOf(ids)))) {
            return rows.map(retirees::retiree).toList();
        }
    }

    /** Plain JDBC with a fetch size: a roster of 100,000 is read as a stream, not row by row through the DB Client. */
    @Override
    public List<HandoverCandidate> handoverCandidates(UUID enterpriseId) {
        try (Connection c = bulk.getConnection()) {
            c.setAutoCommit(false); // pgjdbc streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, retiree_type, status, insured_area,"
                    + " residence_area, residence_street, birth_date, immobile FROM registry.retirees"
                    + " WHERE enterprise_id = ? ORDER BY id")) {
                ps.setObject(1, enterpriseId);
                ps.setFetchSize(10_000);
                List<HandoverCandidate> candidates = new ArrayList<>();
                Map<String, AreaCode> codes = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new HandoverCandidate(rs.getObject(1, UUID.class), rs.getString(2),
                                RetireeType.valueOf(rs.getString(3)), RetireeStatus.valueOf(rs.getString(4)),
                                codes.computeIfAbsent(rs.getString(5), AreaCode::of),
                                codes.computeIfAbsent(rs.getString(6), AreaCode::of), rs.getString(7),
                                rs.getObject(8, LocalDate.class), rs.getBoolean(9)));
                    }
                }
                c.commit();
                return candidates;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the enterprise's retirees", e);
        }
    }

    @Override
    public int startHandover(PlanRetirees start) {
        return handoverSteps.start(start);
    }

    @Override
    public int cancelHandover(PlanRetirees withdrawn) {
        return handoverSteps.cancel(withdrawn);
    }

    @Override
    public int receive(Reception reception) {
        return handoverSteps.receive(reception);
    }
}
