package cq.retirees.app.architecture;

import cq.retirees.archcanary.infraleak.infra.db.Pool;
import cq.retirees.archcanary.infraleak.infra.http.Router;
import cq.retirees.archcanary.infraleak.infra.observe.Gauge;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Rule 5: infra does not depend on modules or app. */
class InfraIndependenceTest {

    @Test
    void productionInfraKnowsNoModuleNorApp() {
        ArchitectureRules.infraDoesNotDependOnModulesOrApp(ProductionClasses.ROOT)
                .check(ProductionClasses.get());
    }

    @Test
    void catchesInfraOnAModuleAndOnApp() {
        Canary.assertCaught(ArchitectureRules::infraDoesNotDependOnModulesOrApp,
                "cq.retirees.archcanary.infraleak",
                List.of(Pool.class, Router.class),
                List.of(Gauge.class));
    }
}
