package cq.retirees.registry.internal;

import cq.retirees.infra.db.PgArrays;
import cq.retirees.infra.db.Rows;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
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
    private final Clock clock;

    RegistryLookups(DbClient db, AreasDb areas, ReceivingBodiesDb bodies, EnterprisesDb enterprises,
                    RetireesDb retirees, HandoverSteps handoverSteps, Clock clock) {
        this.db = db;
        this.areas = areas;
        this.bodies = bodies;
        this.enterprises = enterprises;
        this.retirees = retirees;
        this.handoverSteps = handoverSteps;
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

    @Override
    public List<HandoverCandidate> handoverCandidates(UUID enterpriseId) {
        try (Stream<io.helidon.dbclient.DbRow> rows = db.execute().query("SELECT id, name, retiree_type, status,"
                + " insured_area, residence_area, residence_street, birth_date, immobile FROM registry.retirees"
                + " WHERE enterprise_id = ?::uuid ORDER BY id", enterpriseId)) {
            return rows.map(r -> new HandoverCandidate(Rows.uuid(r, "id"), Rows.string(r, "name"),
                    RetireeType.valueOf(Rows.string(r, "retiree_type")),
                    RetireeStatus.valueOf(Rows.string(r, "status")), AreaCode.of(Rows.string(r, "insured_area")),
                    AreaCode.of(Rows.string(r, "residence_area")), Rows.string(r, "residence_street"),
                    Rows.date(r, "birth_date"), Rows.bool(r, "immobile"))).toList();
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
