package cq.retirees.app.architecture;

import cq.retirees.archcanary.cycle.leaf.Leaf;
import cq.retirees.archcanary.cycle.leaf.LeafReader;
import cq.retirees.archcanary.cycle.left.Left;
import cq.retirees.archcanary.cycle.right.Right;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Rule 2: module slices are free of cycles. */
class ModuleCyclesTest {

    @Test
    void productionSlicesAreFreeOfCycles() {
        ArchitectureRules.moduleSlicesAreFreeOfCycles(ProductionClasses.ROOT)
                .check(ProductionClasses.get());
    }

    @Test
    void catchesATwoPackageCycle() {
        Canary.assertCaught(ArchitectureRules::moduleSlicesAreFreeOfCycles,
                "cq.retirees.archcanary.cycle",
                List.of(Left.class, Right.class),
                List.of(Leaf.class, LeafReader.class));
    }
}
