package cq.retirees.app;

import cq.retirees.infra.security.ScopeTargets;
import cq.retirees.kernel.AreaCode;
import cq.retirees.registry.ReceivingBody;
import cq.retirees.registry.Registry;

import java.util.Optional;
import java.util.UUID;

/** Lets security check the areas and receiving bodies named in a user's scope against the registry. */
record RegistryScopeTargets(Registry registry) implements ScopeTargets {

    @Override
    public boolean areaInForce(AreaCode area) {
        return registry.areaInForce(area);
    }

    @Override
    public Optional<AreaCode> areaOfReceivingBody(UUID receivingBody) {
        return registry.receivingBody(receivingBody).map(ReceivingBody::areaCode);
    }
}
