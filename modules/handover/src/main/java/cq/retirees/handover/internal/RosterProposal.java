package cq.retirees.handover.internal;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
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

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proposes the roster (ProposeRoster): every retiree of the enterprise who is still to be handed over gets a
 * receiving area and body from the rule chain. Retired cadres stay out unless the plan records an exception; the
 * deceased and those already received stay out. Proposing again keeps overrides and removals by hand, writes only
 * what changed, and records for each retiree whose proposal changed what it was before. An entry whose proposal
 * stands but whose retiree's name or residence changed in the registry is refreshed ("refreshed" in the summary,
 * counted as unchanged too), so the roster and the checklist never show stale details. One transaction: the plan
 * locked, the roster written, the run audited.
 */
final class RosterProposal {

    /** What a proposal run did. */
    record Summary(long proposed, long added, long changed, long unchanged, long refreshed, long overridesKept,
                   long excludedRetiredCadres, long excludedDeceased, long excludedAlreadyReceived,
                   long takenOff, Map<String, Long> byRule, Map<String, Long> byReason) {
    }

    private final Registry registry;
    private final DataSource dataSource;
    private final ProposalStore store;
    private final ReceivingRules rules;
    private final AuditTrail audit;
    private final ProposalSlots slots;

    RosterProposal(Registry registry, DataSource dataSource, ProposalStore store, ReceivingRules rules,
                   AuditTrail audit, ProposalSlots slots) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.slots = slots;
    }

    Summary propose(Actor actor, String address, UUID planId) {
        try (ProposalSlots.Slot ignored = slots.take()) {
            return proposeAlone(actor, address, planId);
        }
    }

    private Summary proposeAlone(Actor actor, String address, UUID planId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Summary summary = propose(c, actor, address, planId);
                c.commit();
                return summary;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("roster proposal failed", e);
        }
    }

    private Summary propose(Connection c, Actor actor, String address, UUID planId) throws SQLException {
        ProposalStore.LockedPlan plan = store.lockPlan(c, planId)
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "handover-plan"));
        if (!plan.state().rosterOpen()) {
            throw ApiException.conflict("ROSTER_LOCKED", plan.state().name());
        }
        Enterprise enterprise = registry.enterprise(plan.enterpriseId()).orElseThrow();
        // The registry's rows and the roster's come over two connections at once: the two reads are most of the run.
        List<HandoverCandidate> candidates;
        Map<UUID, String> cadreExceptions;
        Map<UUID, ProposalStore.Known> known;
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<HandoverCandidate>> fromRegistry =
                    reader.submit(() -> registry.handoverCandidates(plan.enterpriseId()));
            cadreExceptions = store.cadreExceptions(c, planId);
            known = store.known(c, planId);
            candidates = result(fromRegistry);
        }

        List<HandoverCandidate> eligible = new ArrayList<>(candidates.size());
        List<UUID> deceased = new ArrayList<>();
        List<UUID> received = new ArrayList<>();
        long cadres = 0;
        for (HandoverCandidate candidate : candidates) {
            if (candidate.status() == RetireeStatus.DECEASED) {
                deceased.add(candidate.retireeId());
            } else if (candidate.status() == RetireeStatus.UNDER_SOCIALIZED_MANAGEMENT) {
                received.add(candidate.retireeId());
            } else if (candidate.type() == RetireeType.RETIRED_CADRE
                    && !cadreExceptions.containsKey(candidate.retireeId())) {
                cadres++;
            } else {
                eligible.add(candidate);
            }
        }

        RosterContext context = context(eligible);
        EnterpriseFacts enterpriseFacts = new EnterpriseFacts(enterprise.id(), enterprise.category().name(),
                enterprise.insuredArea(), enterprise.locationArea());
        ReceivingRules.Snapshot chain = rules.snapshot();
        List<ProposalStore.ProposalRow> inserts = new ArrayList<>();
        List<ProposalStore.ProposalRow> updates = new ArrayList<>();
        long added = 0;
        long changed = 0;
        long overridesKept = 0;
        long refreshed = 0;
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        for (HandoverCandidate candidate : eligible) {
            ReceivingRules.Decision decision = chain.decide(new RetireeFacts(candidate.retireeId(),
                    candidate.insuredArea(), candidate.residenceArea(), candidate.residenceStreet(),
                    candidate.birthDate(), candidate.immobile()), enterpriseFacts, context);
            ReceivingProposal p = decision.proposal();
            byRule.merge(decision.ruleId(), 1L, Long::sum);
            byReason.merge(p.reasonCode(), 1L, Long::sum);
            ProposalStore.Known before = known.get(candidate.retireeId());
            if (before != null && before.overridden()) {
                overridesKept++;
            }
            if (before == null) {
                added++;
                inserts.add(row(candidate, decision, null, null, null));
            } else if (!same(before, decision)) {
                changed++;
                updates.add(row(candidate, decision, before.proposedArea(), before.proposedBodyId(),
                        before.reasonCode()));
            } else if (before.removed()) {
                // taken off automatically earlier (e.g. a death recorded by mistake and corrected): back on
                updates.add(row(candidate, decision, null, null, null));
            } else if (!sameRetiree(before, candidate)) {
                refreshed++;
                updates.add(row(candidate, decision, null, null, null));
            }
        }
        store.forgetEarlierChanges(c, planId);
        store.insert(c, planId, inserts);
        store.update(c, planId, updates);

        Set<UUID> stillThere = new HashSet<>(candidates.size());
        candidates.forEach(candidate -> stillThere.add(candidate.retireeId()));
        List<UUID> left = known.keySet().stream().filter(id -> !stillThere.contains(id)).toList();
        List<UUID> deceasedOnRoster = onRoster(known, deceased);
        List<UUID> receivedOnRoster = onRoster(known, received);
        List<UUID> leftOnRoster = onRoster(known, left);
        store.remove(c, planId, deceasedOnRoster, "DECEASED", "deceased");
        store.remove(c, planId, receivedOnRoster, "ALREADY_RECEIVED", "already under socialized management");
        store.remove(c, planId, leftOnRoster, "NO_LONGER_AT_ENTERPRISE", "no longer on the enterprise's roll");
        store.finish(c, planId);

        Summary summary = new Summary(eligible.size(), added, changed, eligible.size() - added - changed,
                refreshed, overridesKept, cadres, deceased.size(), received.size(),
                deceasedOnRoster.size() + receivedOnRoster.size() + leftOnRoster.size(), byRule, byReason);
        Map<String, String> detail = new TreeMap<>();
        detail.put("proposed", String.valueOf(summary.proposed()));
        detail.put("added", String.valueOf(added));
        detail.put("changed", String.valueOf(changed));
        detail.put("takenOff", String.valueOf(summary.takenOff()));
        detail.put("rules", byRule.toString());
        audit.append(c, AuditRecord.of(actor, address, "ROSTER_PROPOSED", "handover-plan", planId, Outcome.SUCCESS,
                detail));
        return summary;
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the registry", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not read the registry", e.getCause());
        }
    }

    private RosterContext context(List<HandoverCandidate> eligible) {
        Map<AreaCode, Long> residents = new HashMap<>();
        for (HandoverCandidate candidate : eligible) {
            residents.merge(candidate.residenceArea(), 1L, Long::sum);
        }
        Set<AreaCode> inForce = registry.areasInForce();
        Map<AreaCode, List<ReceivingBodyFacts>> bodies = new HashMap<>();
        for (ReceivingBody b : registry.receivingBodiesIn(inForce)) {
            bodies.computeIfAbsent(b.areaCode(), a -> new ArrayList<>())
                    .add(new ReceivingBodyFacts(b.id(), b.areaCode(), b.nameZh(), b.kind().name()));
        }
        return new RosterContext(eligible.size(), residents, inForce, bodies);
    }

    private static ProposalStore.ProposalRow row(HandoverCandidate c, ReceivingRules.Decision decision,
                                                 AreaCode previousArea, UUID previousBody, String previousReason) {
        ReceivingProposal p = decision.proposal();
        return new ProposalStore.ProposalRow(c.retireeId(), c.name(), c.residenceArea(), c.residenceStreet(),
                p.area(), p.receivingBodyId(), p.reasonCode(), p.bodyReasonCode(), decision.ruleId(),
                RosterEntry.encode(p.alternatives()), previousArea, previousBody, previousReason);
    }

    /** The same decision: same area, body, reasons and alternatives, by the same rule. */
    private static boolean same(ProposalStore.Known before, ReceivingRules.Decision decision) {
        ReceivingProposal p = decision.proposal();
        return before.proposedArea().equals(p.area()) && Objects.equals(before.proposedBodyId(), p.receivingBodyId())
                && before.reasonCode().equals(p.reasonCode()) && before.bodyReasonCode().equals(p.bodyReasonCode())
                && before.ruleId().equals(decision.ruleId())
                && before.alternatives().equals(RosterEntry.encode(p.alternatives()));
    }

    /** The retiree's details the entry shows are still those of the registry. */
    private static boolean sameRetiree(ProposalStore.Known before, HandoverCandidate candidate) {
        return before.name().equals(candidate.name()) && before.residenceArea().equals(candidate.residenceArea())
                && Objects.equals(before.residenceStreet(), candidate.residenceStreet());
    }

    /** Those of {@code ids} still on the roster: the ones a removal would change. */
    private static List<UUID> onRoster(Map<UUID, ProposalStore.Known> known, List<UUID> ids) {
        return ids.stream().filter(id -> {
            ProposalStore.Known entry = known.get(id);
            return entry != null && !entry.removed();
        }).toList();
    }
}
