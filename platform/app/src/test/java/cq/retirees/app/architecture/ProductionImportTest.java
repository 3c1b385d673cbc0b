package cq.retirees.app.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production checks are only as good as their import: it must hold every part of the server and nothing that
 * is test code, above all not the canaries (which break every rule on purpose).
 */
class ProductionImportTest {

    @Test
    void holdsEveryPlatformPackage() {
        for (String platformPackage : Modules.PLATFORM_PACKAGES) {
            String base = ProductionClasses.ROOT + "." + platformPackage;
            assertTrue(ProductionClasses.get().containPackage(base), () -> base + " was not imported");
        }
    }

    @Test
    void discoversTheModulesFromTheImportedClasses() {
        assertTrue(Modules.discover(ProductionClasses.ROOT, ProductionClasses.get()).contains("registry"),
                () -> "modules found: " + Modules.discover(ProductionClasses.ROOT, ProductionClasses.get()));
    }

    @Test
    void holdsNoTestCode() {
        List<String> testClasses = ProductionClasses.get().stream()
                .map(JavaClass::getName)
                .filter(name -> name.startsWith("cq.retirees.archcanary.")
                        || name.startsWith(ProductionImportTest.class.getPackageName() + ".")
                        || name.endsWith("Test")
                        || name.contains(".testing."))
                .toList();
        assertEquals(List.of(), testClasses);
    }
}
