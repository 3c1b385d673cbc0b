package cq.retirees.handover.internal;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.security.Access;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import cq.retirees.kernel.access.Scope;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and do what with plans and batches (issue scope rules): enterprise operators act on their
 * enterprise's plan; district operators see plans that send retirees to their areas, and see and sign only the
 * batches received there; municipal admins see and act on all; auditors read all.
 */
final class PlanAccess {

    private final PlatformServices platform;
    private final PlansDb plans;
    private final BatchesDb batches;

    PlanAccess(PlatformServices platform, PlansDb plans, BatchesDb batches) {
        this.platform = platform;
        this.plans = plans;
        this.batches = batches;
    }

    /** The plan, if the caller may see it; otherwise 404. */
    Plan visible(ServerRequest request, UUID planId) {
        return platform.access().visible(request, plans.byId(platform.db().execute(), planId), this::covers,
                "handover-plan", planId);
    }

    /** The plan, if the caller may act for the enterprise on it; 404 when not visible, 403 when only visible. */
    Plan forEnterpriseSide(ServerRequest request, UUID planId) {
        Actor actor = platform.access().requireAny(request, Role.MUNICIPAL_ADMIN, Role.ENTERPRISE_OPERATOR);
        Plan plan = visible(request, planId);
        if (!actor.has(Role.MUNICIPAL_ADMIN) && !actor.scope().coversEnterprise(plan.enterpriseId())) {
            throw platform.access().refuse(request, "handover-plan", planId, "NOT_THE_ENTERPRISE_SIDE");
        }
        return plan;
    }

    boolean covers(Scope scope, Plan plan) {
        return wholePlan(scope, plan) || (!scope.areas().isEmpty()
                && plans.receivingAreas(platform.db().execute(), plan.id()).stream().anyMatch(scope::coversArea));
    }

    /** Whether the caller sees all of the plan, or only what is received in their areas. */
    static boolean wholePlan(Scope scope, Plan plan) {
        return scope.citywide() || scope.coversEnterprise(plan.enterpriseId());
    }

    /** A batch with its plan, if the caller may see the batch; otherwise 404. */
    BatchInPlan visibleBatch(ServerRequest request, UUID batchId) {
        Optional<BatchInPlan> found = batches.byId(platform.db().execute(), batchId)
                .map(b -> new BatchInPlan(b, plans.byId(platform.db().execute(), b.planId()).orElseThrow()));
        return platform.access().visible(request, found,
                (scope, bp) -> wholePlan(scope, bp.plan()) || coversBatch(scope, bp.batch()), "handover-batch",
                batchId);
    }

    record BatchInPlan(Batch batch, Plan plan) {
    }

    static boolean coversBatch(Scope scope, Batch batch) {
        return coversReceiving(scope, batch.receivingArea(), batch.receivingBodyId());
    }

    /**
     * Whether the scope covers what is received in {@code area} by {@code bodyId}; without a body (the district
     * still assigns one), only callers not narrowed to particular bodies are covered.
     */
    static boolean coversReceiving(Scope scope, AreaCode area, UUID bodyId) {
        if (bodyId == null) {
            return scope.coversArea(area) && (scope.citywide() || scope.receivingBodies().isEmpty());
        }
        return scope.coversReceivingBody(bodyId, area);
    }

    /** The caller, if they may sign (or work on) the batch for {@code side}; otherwise 403, audited. */
    Actor forSide(ServerRequest request, BatchInPlan bp, SigningSide side) {
        Actor actor = Access.actor(request);
        if (!maySign(actor, bp, side)) {
            throw platform.access().refuse(request, "handover-batch", bp.batch().id(),
                    side == SigningSide.ENTERPRISE ? "NOT_THE_ENTERPRISE_SIDE" : "NOT_THE_RECEIVING_SIDE");
        }
        return actor;
    }

    /** The caller, if they may work on the batch for either side; otherwise 403, audited. */
    Actor forEitherSide(ServerRequest request, BatchInPlan bp) {
        Actor actor = Access.actor(request);
        if (!maySign(actor, bp, SigningSide.ENTERPRISE) && !maySign(actor, bp, SigningSide.RECEIVING)) {
            throw platform.access().refuse(request, "handover-batch", bp.batch().id(), "NOT_A_SIDE_OF_THE_BATCH");
        }
        return actor;
    }

    private static boolean maySign(Actor actor, BatchInPlan bp, SigningSide side) {
        return actor.has(Role.MUNICIPAL_ADMIN) || switch (side) {
            case ENTERPRISE -> actor.has(Role.ENTERPRISE_OPERATOR)
                    && actor.scope().coversEnterprise(bp.plan().enterpriseId());
            case RECEIVING -> actor.has(Role.DISTRICT_OPERATOR) && coversBatch(actor.scope(), bp.batch());
        };
    }
}
