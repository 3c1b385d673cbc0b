package cq.retirees.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What counts as a module: every direct sub-package of the root except the platform packages. Derived from package
 * names rather than listed, so a new module ({@code handover}, {@code fee}, ...) is covered the day it appears.
 */
final class Modules {

    /** Direct sub-packages of the root that are platform, not modules. */
    static final Set<String> PLATFORM_PACKAGES = Set.of("kernel", "spi", "infra", "app");

    private Modules() {
    }

    /** The module a package belongs to, e.g. {@code registry} for {@code <root>.registry.internal}. */
    static Optional<String> moduleOf(String root, String packageName) {
        String prefix = root + ".";
        if (!packageName.startsWith(prefix)) {
            return Optional.empty();
        }
        String firstSegment = packageName.substring(prefix.length()).split("\\.", 2)[0];
        return PLATFORM_PACKAGES.contains(firstSegment) ? Optional.empty() : Optional.of(firstSegment);
    }

    static Set<String> discover(String root, JavaClasses classes) {
        Set<String> modules = new TreeSet<>();
        classes.forEach(javaClass -> moduleOf(root, javaClass.getPackageName()).ifPresent(modules::add));
        return modules;
    }

    static DescribedPredicate<JavaClass> belongToAModule(String root) {
        return DescribedPredicate.describe("belong to a module of " + root,
                javaClass -> moduleOf(root, packageOf(javaClass)).isPresent());
    }

    /**
     * A dependency into {@code <root>.X.internal..} from a class outside {@code <root>.X..}, where X is a module.
     * Module-to-module leaks and platform-to-module leaks (infra, app) are caught alike.
     */
    static DescribedPredicate<Dependency> reachIntoAnotherModulesInternals(String root) {
        return DescribedPredicate.describe("reach into the internal package of another module", dependency -> {
            String target = packageOf(dependency.getTargetClass());
            return moduleOf(root, target)
                    .filter(module -> isInside(target, root + "." + module + ".internal"))
                    .filter(module -> !isInside(packageOf(dependency.getOriginClass()), root + "." + module))
                    .isPresent();
        });
    }

    // Arrays (Secret[]) carry the package of their component type; look through them.
    private static String packageOf(JavaClass javaClass) {
        return javaClass.getBaseComponentType().getPackageName();
    }

    private static boolean isInside(String packageName, String base) {
        return packageName.equals(base) || packageName.startsWith(base + ".");
    }
}
