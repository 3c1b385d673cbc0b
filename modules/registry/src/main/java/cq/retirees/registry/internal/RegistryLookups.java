package cq.retirees.registry.internal;

import cq.retirees.kernel.AreaCode;
import cq.retirees.registry.Area;
import cq.retirees.registry.Enterprise;
import cq.retirees.registry.Retiree;
import cq.retirees.registry.ReceivingBody;
import cq.retirees.registry.Registry;
import io.helidon.dbclient.DbClient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The registry facade: read-only lookups for other modules. */
public final class RegistryLookups implements Registry {

    private final DbClient db;
    private final AreasDb areas;
    private final ReceivingBodiesDb bodies;
    private final EnterprisesDb enterprises;
    private final RetireesDb retirees;
    private final Clock clock;

    public RegistryLookups(DbClient db, AreasDb areas, ReceivingBodiesDb bodies, EnterprisesDb enterprises,
                           RetireesDb retirees, Clock clock) {
        this.db = db;
        this.areas = areas;
        this.bodies = bodies;
        this.enterprises = enterprises;
        this.retirees = retirees;
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
}
