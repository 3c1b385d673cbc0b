package cq.retirees.handover.internal;

import cq.retirees.handover.Handover;
import cq.retirees.handover.HandoverPlan;
import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.http.ApiService;
import cq.retirees.registry.Registry;
import cq.retirees.registry.events.RetireeDied;
import cq.retirees.spi.receiving.ReceivingRule;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds the handover module's parts and connects them. */
public final class HandoverWiring {

    private final Handover handover;
    private final List<ApiService> services;

    public HandoverWiring(PlatformServices platform, Registry registry, DataSource bulkDataSource,
                          Supplier<List<ReceivingRule>> districtRules, ConcentrationThresholds thresholds,
                          int publicityMinimumDays, ProposalSlots proposalSlots) {
        PlansDb plans = new PlansDb();
        PlanRecordsDb records = new PlanRecordsDb();
        RosterDb roster = new RosterDb();
        BatchesDb batches = new BatchesDb();
        PetitionsDb petitions = new PetitionsDb();
        PlanAccess access = new PlanAccess(platform, plans, batches);
        PlanLifecycle lifecycle = new PlanLifecycle(plans, records, roster, batches, platform.audit(),
                platform.outbox(), platform.clock(), publicityMinimumDays);
        PlanViews views = new PlanViews(platform.messages(), plans, records, roster, petitions, lifecycle,
                platform.clock());
        ReceivingRules rules = new ReceivingRules(new MunicipalReceivingRule(thresholds), districtRules);
        this.services = List.of(
                new PlanRoutes(platform, registry, plans, records, access, lifecycle,
                        new PlanRecords(plans, records, platform.audit(), platform.clock()), views),
                new RosterRoutes(platform, plans, roster, access,
                        new RosterProposal(registry, bulkDataSource, new ProposalStore(), rules, platform.audit(),
                                proposalSlots),
                        new RosterChanges(roster, registry, platform.audit(), platform.outbox()), views),
                new BatchRoutes(platform, plans, batches, access,
                        new BatchWork(batches, roster, registry, platform.audit(), platform.outbox()), views,
                        new ChecklistExport(platform, registry, roster, batches)),
                new PetitionRoutes(platform, petitions, roster, access, views));
        this.handover = new Handover() {
            @Override
            public Optional<HandoverPlan> plan(UUID id) {
                return plans.byId(platform.db().execute(), id).map(HandoverWiring::published);
            }

            @Override
            public Optional<HandoverPlan> activePlan(UUID enterpriseId) {
                return plans.activeOf(platform.db().execute(), enterpriseId).map(HandoverWiring::published);
            }

            @Override
            public List<UUID> inHandover(UUID planId, Collection<UUID> retireeIds) {
                return roster.inHandover(platform.db().execute(), planId, retireeIds);
            }
        };
        DeathsOnRosters deaths = new DeathsOnRosters(platform.transactions(), roster);
        platform.events().subscribe(RetireeDied.class, deaths::record);
    }

    public Handover handover() {
        return handover;
    }

    public List<ApiService> services() {
        return services;
    }

    private static HandoverPlan published(Plan p) {
        return new HandoverPlan(p.id(), p.enterpriseId(), p.state(), p.version());
    }
}
