package cq.retirees.app.architecture;

import com.tngtech.archunit.lang.ArchRule;
import io.helidon.webserver.http.HttpService;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the house (docs ARCHITECTURE.md), one factory per rule. Each takes the root package so the very
 * same rule is checked against production code ({@code cq.retirees}) and against a canary with a seeded
 * violation ({@code cq.retirees.archcanary.<case>}): a canary only proves something if it runs the real rule.
 */
final class ArchitectureRules {

    /** Frameworks that domain code must stay free of, so it can be reasoned about and tested without them. */
    private static final String[] FRAMEWORKS = {
            "io.helidon..",
            "java.sql..", "javax.sql..",
            "org.pf4j..",
            "com.zaxxer.hikari..",
            "org.flywaydb..",
            "com.fasterxml.jackson..", "tools.jackson.."   // Jackson 2 and Jackson 3
    };

    private ArchitectureRules() {
    }

    static ArchRule noModuleTouchesAnotherModulesInternals(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(onlyHaveDependenciesWhere(not(Modules.reachIntoAnotherModulesInternals(root)))
                        .as("stay out of other modules' internal packages"))
                .because("a module's public face is its base package; <module>.internal is private to it");
    }

    static ArchRule moduleSlicesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..")
                .should().beFreeOfCycles()
                .because("modules talk through facades and events, never in a circle");
    }

    static ArchRule pluginSpiDependsOnlyOnSpiKernelPf4jAndJava(String root) {
        return classes().that().resideInAPackage(root + ".spi..")
                .should().onlyDependOnClassesThat(
                        resideInAnyPackage(root + ".spi..", root + ".kernel..", "org.pf4j..", "java..")
                                // java.sql is in java.. but is "the DB", which plugins must never see
                                .and(not(resideInAPackage("java.sql.."))))
                .because("plugin-spi is the only artifact plugins compile against: no Helidon, DB or module");
    }

    static ArchRule domainCodeDoesNotDependOnFrameworks(String root) {
        return noClasses().that().resideInAnyPackage(root + ".kernel..", root + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain code is plain Java; Helidon, JDBC, PF4J, Hikari, Flyway, Jackson stay at the edges");
    }

    static ArchRule infraDoesNotDependOnModulesOrApp(String root) {
        return noClasses().that().resideInAPackage(root + ".infra..")
                .should().dependOnClassesThat(Modules.belongToAModule(root).or(resideInAPackage(root + ".app..")))
                .because("infra serves the modules; the composition root wires them, not infra");
    }

    static ArchRule nothingIsNamedImpl(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().haveSimpleNameEndingWith("Impl")
                .because("a name says what a class is or which technology it adapts (RetireesDb), not 'implements'");
    }

    static ArchRule httpServicesAreNamedRoutes(String root) {
        // implement(..) skips interfaces, so contracts such as infra's ApiService keep their names
        return classes().that().resideInAPackage(root + "..").and().implement(HttpService.class)
                .should().haveSimpleNameEndingWith("Routes")
                .because("HTTP services end in Routes, so the HTTP surface is found by name");
    }
}
