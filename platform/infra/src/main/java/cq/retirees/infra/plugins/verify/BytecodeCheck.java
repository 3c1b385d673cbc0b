package cq.retirees.infra.plugins.verify;

import cq.retirees.infra.plugins.verify.PluginRefusedException.Problem;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads every class of the jar with ASM and refuses each reference {@link ReferencePolicy} does not allow. Two
 * passes: the first learns which classes the jar defines (and their supertypes), because a reference to one of
 * them is allowed; the second judges the references.
 */
final class BytecodeCheck {

    private BytecodeCheck() {
    }

    static void check(List<PluginJar.ClassEntry> entries, List<Problem> problems) {
        List<ReferenceCollector> classes = new ArrayList<>();
        Map<String, List<String>> ownTypes = new HashMap<>();
        for (PluginJar.ClassEntry entry : entries) {
            if (entry.entryName().startsWith("META-INF/versions/")) {
                // A plugin is built for one Java release. A class that exists only in a versioned directory is not
                // loaded from the jar unless the JVM picks that version, and otherwise resolves to a host class of
                // the same name: counting it as the plugin's own would let the plugin reach host classes.
                problems.add(new Problem(Problem.FORBIDDEN_REFERENCE, entry.entryName(),
                        "multi-release class (a plugin is built for one Java release)"));
                continue;
            }
            ReferenceCollector collector = new ReferenceCollector();
            try {
                // No SKIP_DEBUG: local variable tables name types too.
                new ClassReader(entry.bytes()).accept(collector, 0);
            } catch (RuntimeException malformed) {
                // ASM signals a malformed or too-new class file with assorted runtime exceptions.
                problems.add(new Problem(Problem.CLASS_UNREADABLE, entry.entryName(), describe(malformed)));
                continue;
            }
            String name = collector.className();
            if (!name.equals(entry.expectedClassName())) {
                // A class loader would never define it under its own name; counting it as the jar's would let a
                // reference to that name (resolved elsewhere, e.g. to a host class) pass as the jar's own.
                problems.add(new Problem(Problem.CLASS_UNREADABLE, entry.entryName(),
                        "declares class " + dotted(name)));
                continue;
            }
            if (ReferencePolicy.isReserved(name)) {
                problems.add(new Problem(Problem.FORBIDDEN_REFERENCE, dotted(name),
                        "defines a class in reserved package " + dotted(name.substring(0, name.lastIndexOf('/')))));
            } else {
                ownTypes.merge(name, collector.supertypes(), BytecodeCheck::union);
            }
            classes.add(collector);
        }
        ReferencePolicy policy = new ReferencePolicy(ownTypes);
        for (ReferenceCollector each : classes) {
            String subject = dotted(each.className());
            Set<String> forbidden = new TreeSet<>();
            try {
                for (Reference reference : each.references()) {
                    forbidden.addAll(policy.check(reference));
                }
            } catch (RuntimeException malformed) {
                // A name ASM passed through but no JVM would accept (an empty class name, say).
                problems.add(new Problem(Problem.CLASS_UNREADABLE, subject, describe(malformed)));
                continue;
            }
            forbidden.forEach(detail -> problems.add(new Problem(Problem.FORBIDDEN_REFERENCE, subject, detail)));
        }
    }

    /** A multi-release jar may hold a class twice; a reference through it may reach either version's supertypes. */
    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static String dotted(String internalName) {
        return Type.getObjectType(internalName).getClassName();
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
