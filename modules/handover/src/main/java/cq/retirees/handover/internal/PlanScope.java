package cq.retirees.handover.internal;

import cq.retirees.infra.db.PgArrays;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.access.Scope;

/** A caller's {@link Scope} as SQL parameters for handover lists. */
record PlanScope(boolean citywide, String areas, String enterprises, String receivingBodies, boolean narrowedToBodies) {

    static PlanScope of(Scope scope) {
        return new PlanScope(scope.citywide(), PgArrays.literal(scope.areas().stream().map(AreaCode::value).toList()),
                PgArrays.literal(scope.enterprises()), PgArrays.literal(scope.receivingBodies()),
                !scope.receivingBodies().isEmpty());
    }
}
