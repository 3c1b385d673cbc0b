package cq.retirees.app.architecture;

import cq.retirees.archcanary.routenames.ApiLike;
import cq.retirees.archcanary.routenames.GreetingRoutes;
import cq.retirees.archcanary.routenames.StatusPage;
import cq.retirees.archcanary.routenames.Whatever;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Rule 7: HTTP services (classes implementing Helidon's HttpService) are named *Routes. */
class HttpServiceNamesTest {

    @Test
    void productionHttpServicesAreNamedRoutes() {
        ArchitectureRules.httpServicesAreNamedRoutes(ProductionClasses.ROOT)
                .check(ProductionClasses.get());
    }

    @Test
    void catchesHttpServicesNotNamedRoutes() {
        Canary.assertCaught(ArchitectureRules::httpServicesAreNamedRoutes,
                "cq.retirees.archcanary.routenames",
                List.of(Whatever.class, StatusPage.class),
                List.of(GreetingRoutes.class, ApiLike.class));
    }
}
