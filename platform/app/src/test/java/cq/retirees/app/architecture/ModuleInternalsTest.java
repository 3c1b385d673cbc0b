package cq.retirees.app.architecture;

import cq.retirees.archcanary.moduleleak.app.Wiring;
import cq.retirees.archcanary.moduleleak.billing.Snoop;
import cq.retirees.archcanary.moduleleak.ledger.Ledger;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Rule 1: no module touches another module's internal package. */
class ModuleInternalsTest {

    @Test
    void productionCodeKeepsOutOfOtherModulesInternals() {
        ArchitectureRules.noModuleTouchesAnotherModulesInternals(ProductionClasses.ROOT)
                .check(ProductionClasses.get());
    }

    @Test
    void catchesAModuleAndTheAppReadingAnotherModulesInternals() {
        Canary.assertCaught(ArchitectureRules::noModuleTouchesAnotherModulesInternals,
                "cq.retirees.archcanary.moduleleak",
                List.of(Snoop.class, Wiring.class),
                List.of(Ledger.class));
    }
}
