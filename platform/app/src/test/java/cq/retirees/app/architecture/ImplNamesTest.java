package cq.retirees.app.architecture;

import cq.retirees.archcanary.implnames.Implementations;
import cq.retirees.archcanary.implnames.SomethingImpl;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Rule 6: nothing is named *Impl. */
class ImplNamesTest {

    @Test
    void productionHasNoImplNames() {
        ArchitectureRules.nothingIsNamedImpl(ProductionClasses.ROOT)
                .check(ProductionClasses.get());
    }

    @Test
    void catchesAClassNamedImpl() {
        Canary.assertCaught(ArchitectureRules::nothingIsNamedImpl,
                "cq.retirees.archcanary.implnames",
                List.of(SomethingImpl.class),
                List.of(Implementations.class));
    }
}
