package cq.retirees.app;

import cq.retirees.infra.plugins.KnownCodes;
import cq.retirees.kernel.AreaCode;
import cq.retirees.registry.EnterpriseCategory;
import cq.retirees.registry.Registry;

import java.util.Arrays;

/** The registry's areas and enterprise categories, for the plugin host (which may not depend on the registry). */
final class RegistryCodes implements KnownCodes {

    private final Registry registry;

    RegistryCodes(Registry registry) {
        this.registry = registry;
    }

    @Override
    public boolean areaInForce(AreaCode code) {
        return registry.areaInForce(code);
    }

    @Override
    public boolean enterpriseCategory(String name) {
        return Arrays.stream(EnterpriseCategory.values()).anyMatch(c -> c.name().equals(name));
    }
}
