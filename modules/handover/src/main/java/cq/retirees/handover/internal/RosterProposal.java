package cq.retirees.handover.internal;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.access.Actor;
import cq.retirees.registry.Enterprise;
import cq.retirees.registry.HandoverCandidate;
import cq.retirees.registry.ReceivingBody;
import cq.retirees.registry.Registry;
import cq.retirees.registry.RetireeStatus;
import cq.retirees.registry.RetireeType;
import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.RetireeFacts;
import cq.retirees.spi.receiving.RosterContext;
import io.helidon.dbclient.DbExecute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Proposes the roster (ProposeRoster): every retiree of the enterprise who is still to be handed over gets a
 * receiving area and body from the rule chain. Retired cadres stay out unless the plan records an exception; the
 * deceased and those already received stay out. Proposing again keeps overrides and removals by hand, and records
 * for each retiree whose proposal changed what it was before.
 */
final class RosterProposal {

    /** What a proposal run did. */
    record Summary(long proposed, long added, long changed, long unchanged, long overridesKept,
                   long excludedRetiredCadres, long excludedDeceased, long excludedAlreadyReceived,
                   long takenOff, Map<String, Long> byRule, Map<String, Long> byReason) {
    }

    private final Registry registry;
    private final PlansDb plans;
    private final RosterDb roster;
    private final ReceivingRules rules;
    private final AuditTrail audit;

    RosterProposal(Registry registry, PlansDb plans, RosterDb roster, ReceivingRules rules, AuditTrail audit) {
        this.registry = registry;
        this.plans = plans;
        this.roster = roster;
        this.rules = rules;
        this.audit = audit;
    }

    /** Proposes within {@code tx}; the caller holds the plan's lock and has checked that its roster is open. */
    Summary propose(DbExecute tx, Actor actor, String address, Plan plan) {
        Enterprise enterprise = registry.enterprise(plan.enterpriseId()).orElseThrow();
        List<HandoverCandidate> candidates = registry.handoverCandidates(plan.enterpriseId());
        Map<UUID, String> cadreExceptions = roster.cadreExceptions(tx, plan.id());
        Map<UUID, RosterEntry> existing = new HashMap<>();
        roster.all(tx, plan.id()).forEach(e -> existing.put(e.retireeId(), e));

        List<HandoverCandidate> eligible = new ArrayList<>(candidates.size());
        List<UUID> deceased = new ArrayList<>();
        List<UUID> received = new ArrayList<>();
        List<UUID> cadres = new ArrayList<>();
        for (HandoverCandidate c : candidates) {
            if (c.status() == RetireeStatus.DECEASED) {
                deceased.add(c.retireeId());
            } else if (c.status() == RetireeStatus.UNDER_SOCIALIZED_MANAGEMENT) {
                received.add(c.retireeId());
            } else if (c.type() == RetireeType.RETIRED_CADRE && !cadreExceptions.containsKey(c.retireeId())) {
                cadres.add(c.retireeId());
            } else {
                eligible.add(c);
            }
        }

        RosterContext context = context(eligible);
        EnterpriseFacts enterpriseFacts = new EnterpriseFacts(enterprise.id(), enterprise.category().name(),
                context.inForce(enterprise.insuredArea()) ? enterprise.insuredArea() : null,
                context.inForce(enterprise.locationArea()) ? enterprise.locationArea() : null);
        ReceivingRules.Snapshot chain = rules.snapshot();

        List<RosterDb.ProposalRow> rows = new ArrayList<>(eligible.size());
        long added = 0;
        long changed = 0;
        long overridesKept = 0;
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        for (HandoverCandidate c : eligible) {
            RetireeFacts facts = new RetireeFacts(c.retireeId(),
                    context.inForce(c.insuredArea()) ? c.insuredArea() : null, c.residenceArea(),
                    c.residenceStreet(), c.birthDate(), c.immobile());
            ReceivingRules.Decision decision = chain.decide(facts, enterpriseFacts, context);
            ReceivingProposal p = decision.proposal();
            RosterEntry before = existing.get(c.retireeId());
            AreaCode previousArea = null;
            UUID previousBody = null;
            String previousReason = null;
            if (before == null) {
                added++;
            } else if (!sameProposal(before, p)) {
                changed++;
                previousArea = before.proposedArea();
                previousBody = before.proposedBodyId();
                previousReason = before.reasonCode();
            }
            if (before != null && before.overridden()) {
                overridesKept++;
            }
            byRule.merge(decision.ruleId(), 1L, Long::sum);
            byReason.merge(p.reasonCode(), 1L, Long::sum);
            rows.add(new RosterDb.ProposalRow(c.retireeId(), c.name(), c.residenceArea(), c.residenceStreet(),
                    p.area(), p.receivingBodyId(), p.reasonCode(), p.bodyReasonCode(), decision.ruleId(),
                    RosterEntry.encode(p.alternatives()), previousArea, previousBody, previousReason));
        }
        roster.writeProposals(tx, plan.id(), rows);
        roster.markCadreExceptions(tx, plan.id());

        Set<UUID> stillThere = candidates.stream().map(HandoverCandidate::retireeId).collect(Collectors.toSet());
        List<UUID> left = existing.keySet().stream().filter(id -> !stillThere.contains(id)).toList();
        long takenOff = countOnRoster(existing, deceased) + countOnRoster(existing, received)
                + countOnRoster(existing, left);
        roster.removeAutomatically(tx, plan.id(), deceased, "DECEASED", "deceased");
        roster.removeAutomatically(tx, plan.id(), received, "ALREADY_RECEIVED", "already under socialized management");
        roster.removeAutomatically(tx, plan.id(), left, "NO_LONGER_AT_ENTERPRISE", "no longer on the enterprise's roll");
        plans.rosterProposed(tx, plan.id());

        Summary summary = new Summary(rows.size(), added, changed, rows.size() - added - changed, overridesKept,
                cadres.size(), deceased.size(), received.size(), takenOff, byRule, byReason);
        Map<String, String> detail = new TreeMap<>();
        detail.put("proposed", String.valueOf(summary.proposed()));
        detail.put("changed", String.valueOf(changed));
        detail.put("added", String.valueOf(added));
        detail.put("rules", byRule.toString());
        audit.append(tx, AuditRecord.of(actor, address, "ROSTER_PROPOSED", "handover-plan", plan.id(),
                Outcome.SUCCESS, detail));
        return summary;
    }

    private RosterContext context(List<HandoverCandidate> eligible) {
        Map<AreaCode, Long> residents = new HashMap<>();
        for (HandoverCandidate c : eligible) {
            residents.merge(c.residenceArea(), 1L, Long::sum);
        }
        Set<AreaCode> inForce = registry.areasInForce();
        Map<AreaCode, List<ReceivingBodyFacts>> bodies = new HashMap<>();
        for (ReceivingBody b : registry.receivingBodiesIn(inForce)) {
            bodies.computeIfAbsent(b.areaCode(), a -> new ArrayList<>())
                    .add(new ReceivingBodyFacts(b.id(), b.areaCode(), b.nameZh(), b.kind().name()));
        }
        return new RosterContext(eligible.size(), residents, inForce, bodies);
    }

    private static boolean sameProposal(RosterEntry before, ReceivingProposal p) {
        return before.proposedArea().equals(p.area()) && Objects.equals(before.proposedBodyId(), p.receivingBodyId())
                && before.reasonCode().equals(p.reasonCode());
    }

    private static long countOnRoster(Map<UUID, RosterEntry> existing, List<UUID> ids) {
        return ids.stream().map(existing::get).filter(e -> e != null && !e.removed()).count();
    }
}
