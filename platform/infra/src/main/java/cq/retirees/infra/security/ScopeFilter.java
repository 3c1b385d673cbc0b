package cq.retirees.infra.security;

import cq.retirees.infra.db.PgArrays;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.access.Scope;

/**
 * A caller's {@link Scope} as SQL parameters: {@code citywide} short-circuits, otherwise rows match by area,
 * enterprise or receiving body. Every module's list queries filter through it, so a list never shows what a lookup
 * would hide.
 */
public record ScopeFilter(boolean citywide, String areas, String enterprises, String receivingBodies,
                          boolean narrowedToBodies) {

    public static ScopeFilter of(Scope scope) {
        return new ScopeFilter(scope.citywide(),
                PgArrays.literal(scope.areas().stream().map(AreaCode::value).toList()),
                PgArrays.literal(scope.enterprises()), PgArrays.literal(scope.receivingBodies()),
                !scope.receivingBodies().isEmpty());
    }
}
