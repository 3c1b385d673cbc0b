package cq.retirees.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

import java.util.regex.Pattern;

/** The production classes of the whole server, imported once and shared by all architecture tests. */
final class ProductionClasses {

    static final String ROOT = "cq.retirees";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .withImportOption(new DoNotIncludeTestJars())
            .withImportOption(new DoNotIncludeCanaries())
            .importPackages(ROOT);

    private ProductionClasses() {
    }

    static JavaClasses get() {
        return CLASSES;
    }

    /**
     * DoNotIncludeTests only knows test-class directories; other modules' test fixtures reach this class path as
     * Maven test-jars ({@code infra-…-tests.jar}) and are not production code either.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    /**
     * The canaries break every rule on purpose. They live in test sources, so DoNotIncludeTests already drops them;
     * this says so explicitly, so that no change of class-path layout can leak them into the production check.
     */
    static final class DoNotIncludeCanaries implements ImportOption {
        private static final Pattern CANARY = Pattern.compile(".*/cq/retirees/archcanary/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(CANARY);
        }
    }
}
