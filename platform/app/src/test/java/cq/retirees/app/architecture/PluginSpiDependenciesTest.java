package cq.retirees.app.architecture;

import cq.retirees.archcanary.spileak.spi.DistrictRule;
import cq.retirees.archcanary.spileak.spi.JdbcBackedRule;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Rule 3: plugin-spi depends only on spi, kernel, PF4J and the JDK (not java.sql). */
class PluginSpiDependenciesTest {

    @Test
    void productionSpiDependsOnlyOnSpiKernelPf4jAndJava() {
        ArchitectureRules.pluginSpiDependsOnlyOnSpiKernelPf4jAndJava(ProductionClasses.ROOT)
                .check(ProductionClasses.get());
    }

    @Test
    void catchesAnSpiThatHandsOutAJdbcConnection() {
        Canary.assertCaught(ArchitectureRules::pluginSpiDependsOnlyOnSpiKernelPf4jAndJava,
                "cq.retirees.archcanary.spileak",
                List.of(JdbcBackedRule.class),
                List.of(DistrictRule.class));
    }
}
