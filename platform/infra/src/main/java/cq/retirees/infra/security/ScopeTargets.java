package cq.retirees.infra.security;

import cq.retirees.kernel.AreaCode;

import java.util.Optional;
import java.util.UUID;

/**
 * What a user's scope may name, answered by the registry: the composition root passes the registry's facade in,
 * so security never reads another module's tables.
 */
public interface ScopeTargets {

    boolean areaInForce(AreaCode area);

    /** The area a receiving body belongs to, if it exists. */
    Optional<AreaCode> areaOfReceivingBody(UUID receivingBody);
}
