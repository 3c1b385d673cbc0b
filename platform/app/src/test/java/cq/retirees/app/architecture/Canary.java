package cq.retirees.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves a rule is not trivially passing: the rule, built by the same factory as the production check but rooted at
 * a canary package, must fail and name every seeded offender. Naming none of the bystanders (legal classes in the
 * same canary) proves it is not failing on everything either.
 */
final class Canary {

    private Canary() {
    }

    static void assertCaught(Function<String, ArchRule> ruleFactory, String canaryRoot,
                             List<Class<?>> offenders, List<Class<?>> bystanders) {
        // No import option: the canaries live in test sources and must be imported from there.
        JavaClasses canary = new ClassFileImporter().importPackages(canaryRoot);
        ArchRule rule = ruleFactory.apply(canaryRoot);

        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(canary),
                () -> "rule did not catch the seeded violation in " + canaryRoot + ": " + rule.getDescription());

        String message = failure.getMessage();
        for (Class<?> offender : offenders) {
            assertTrue(names(message, offender),
                    () -> "violation message does not name " + offender.getName() + ":\n" + message);
        }
        for (Class<?> bystander : bystanders) {
            assertFalse(names(message, bystander),
                    () -> "violation message wrongly names " + bystander.getName() + ":\n" + message);
        }
    }

    // ArchUnit writes <a.b.Class>, <a.b.Class.member(..)> or <a.b.Class$Nested>; a bare contains() would let
    // "Whatever" match "WhateverRoutes".
    private static boolean names(String message, Class<?> javaClass) {
        return Pattern.compile("<" + Pattern.quote(javaClass.getName()) + "[>.$]").matcher(message).find();
    }
}
