package cq.retirees.app.architecture;

import cq.retirees.archcanary.domainleak.billing.domain.Invoice;
import cq.retirees.archcanary.domainleak.billing.domain.Tariff;
import cq.retirees.archcanary.domainleak.billing.internal.InvoicesDb;
import cq.retirees.archcanary.domainleak.kernel.WebMoney;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Rule 4: domain code (kernel, ..domain..) does not depend on Helidon, JDBC, PF4J, Hikari, Flyway or Jackson. */
class DomainPurityTest {

    @Test
    void productionDomainCodeIsFreeOfFrameworks() {
        ArchitectureRules.domainCodeDoesNotDependOnFrameworks(ProductionClasses.ROOT)
                .check(ProductionClasses.get());
    }

    @Test
    void catchesKernelOnHelidonAndDomainOnJdbc() {
        Canary.assertCaught(ArchitectureRules::domainCodeDoesNotDependOnFrameworks,
                "cq.retirees.archcanary.domainleak",
                List.of(WebMoney.class, Invoice.class),
                List.of(Tariff.class, InvoicesDb.class));
    }
}
