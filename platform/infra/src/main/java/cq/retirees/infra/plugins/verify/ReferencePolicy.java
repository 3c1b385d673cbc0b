package cq.retirees.infra.plugins.verify;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which references a plugin class may make: an allow-list, because a plugin is code from a district we do
 * not run ourselves, and anything not named here (files, network, reflection, class loaders, threads, the JVM
 * itself) is a way out of the pure-function contract of the SPI. A pure function of the reference and of the jar's
 * own classes, so it can be tested without a jar.
 *
 * <p>Each check answers the forbidden references, as a reviewer would name them: a type ({@code java.io.File}),
 * or a member of an allowed type ({@code java.lang.System.exit}). An empty answer means allowed.
 */
final class ReferencePolicy {

    /** Packages (with their subpackages) a plugin may use, as internal-name prefixes. */
    private static final List<String> ALLOWED_PACKAGES =
            List.of("cq/retirees/spi/", "cq/retirees/kernel/", "java/util/", "java/time/", "java/math/");

    /** PF4J is the host's business; a plugin only needs to mark its extensions. */
    private static final Set<String> ALLOWED_TYPES = Set.of("org/pf4j/Extension", "org/pf4j/ExtensionPoint");

    /** Subpackages of the allowed ones that give threads, logging to the host's handlers, archives or preferences. */
    private static final List<String> DENIED_PACKAGES = List.of("java/util/concurrent/", "java/util/logging/",
            "java/util/jar/", "java/util/zip/", "java/util/prefs/", "java/util/spi/");

    /**
     * Types (with their nested types) inside the allowed packages that are still a way out: threads and timers,
     * class loaders and service/resource lookup (which load classes by name), processes, the runtime, modules and
     * stack walking (which hand out classes), and the global time-zone provider registry.
     */
    private static final Set<String> DENIED_TYPES = Set.of(
            "java/lang/Thread", "java/lang/ThreadGroup", "java/lang/ThreadLocal", "java/lang/InheritableThreadLocal",
            "java/lang/ScopedValue", "java/lang/ClassLoader", "java/lang/Runtime", "java/lang/Process",
            "java/lang/ProcessBuilder", "java/lang/ProcessHandle", "java/lang/StackWalker",
            "java/lang/SecurityManager", "java/lang/Module", "java/lang/ModuleLayer", "java/lang/Package",
            "java/util/ServiceLoader", "java/util/Timer", "java/util/TimerTask", "java/util/ResourceBundle",
            "java/util/ListResourceBundle", "java/util/PropertyResourceBundle", "java/util/stream/StreamSupport",
            "java/time/zone/ZoneRulesProvider");

    /** The only {@code System} methods a pure function has a use for; its fields are the console streams. */
    private static final Set<String> SYSTEM_METHODS =
            Set.of("currentTimeMillis", "nanoTime", "arraycopy", "identityHashCode", "lineSeparator");

    /** {@code Class} is allowed as a type ({@code getClass()}, class literals); its other methods are reflection. */
    private static final Set<String> CLASS_METHODS = Set.of("getName", "getSimpleName", "isInstance", "cast",
            "desiredAssertionStatus", "hashCode", "equals", "toString");

    /**
     * Methods of allowed types that read system properties ({@code Integer.getInteger} is
     * {@code System.getProperty} in disguise) or change JVM-wide defaults every other plugin and the host see.
     */
    private static final Set<String> DENIED_METHODS = Set.of("java/lang/Boolean.getBoolean",
            "java/lang/Integer.getInteger", "java/lang/Long.getLong", "java/util/Locale.setDefault",
            "java/util/TimeZone.setDefault");

    /**
     * Bootstrap methods javac emits for lambdas, string concatenation, records and pattern switches. Their own
     * descriptors name {@code java.lang.invoke} types, which is why they are exempt as a whole; their arguments
     * (the lambda body, the switch labels) are still checked.
     */
    private static final Set<String> ALLOWED_BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat", "java/lang/runtime/ObjectMethods.bootstrap");

    private static final String SWITCH_BOOTSTRAPS = "java/lang/runtime/SwitchBootstraps";

    /** javac builds the enum-constant labels of a pattern switch as dynamic constants with these factories. */
    private static final String CONSTANT_INVOKE = "java/lang/invoke/ConstantBootstraps.invoke";
    private static final String ENUM_DESC_OF = "java/lang/Enum$EnumDesc.of";
    private static final String CLASS_DESC_OF = "java/lang/constant/ClassDesc.of";

    /**
     * Namespaces a plugin may not define classes in: the JVM refuses {@code java.*}, PF4J always loads
     * {@code org.pf4j.*} from the host, and the rest belong to the JDK. A class of the jar in one of them is not
     * the class a reference resolves to, so it cannot count as the jar's own.
     */
    private static final List<String> RESERVED_PACKAGES =
            List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "org/pf4j/");

    private final Map<String, List<String>> ownTypes;

    /**
     * @param ownTypes the jar's classes (internal names), each with its direct supertypes (superclass first, then
     *                 interfaces), so that a call through a plugin class to an inherited member is still checked
     */
    ReferencePolicy(Map<String, List<String>> ownTypes) {
        this.ownTypes = Map.copyOf(ownTypes);
    }

    static boolean isReserved(String internalName) {
        return RESERVED_PACKAGES.stream().anyMatch(internalName::startsWith);
    }

    List<String> check(Reference reference) {
        return switch (reference) {
            case Reference.TypeUse t -> type(t.internalName()).stream().toList();
            case Reference.MethodUse m -> member(m.owner(), m.name(), m.descriptor(), true);
            case Reference.FieldUse f -> member(f.owner(), f.name(), f.descriptor(), false);
            case Reference.DynamicUse d -> dynamic(d.descriptor(), d.bootstrap(), d.arguments());
            case Reference.ConstantUse c -> constant(c.value());
            case Reference.NativeMethod n -> List.of("native method " + n.name());
            case Reference.Finalizer f -> List.of("finalize() override (runs on the JVM's finalizer thread)");
        };
    }

    /** Whether a plugin may name this type (an internal name or an array descriptor; arrays by element type). */
    boolean allowsType(String internalNameOrArray) {
        return type(internalNameOrArray).isEmpty();
    }

    private Optional<String> type(String internalNameOrArray) {
        return type(Type.getObjectType(internalNameOrArray));
    }

    private Optional<String> type(Type type) {
        if (type.getSort() == Type.ARRAY) {
            type = type.getElementType();
        }
        if (type.getSort() != Type.OBJECT) {
            return Optional.empty();
        }
        return allowedObjectType(type.getInternalName()) ? Optional.empty() : Optional.of(type.getClassName());
    }

    private boolean allowedObjectType(String name) {
        if (isOwn(name) || ALLOWED_TYPES.contains(name)) {
            return true;
        }
        String outermost = outermost(name);
        if (DENIED_TYPES.contains(outermost)) {
            return false;
        }
        if (isInJavaLang(name)) {
            // System's nested types are System.Logger and System.LoggerFinder: the host's logging.
            return !(outermost.equals("java/lang/System") && !outermost.equals(name));
        }
        return ALLOWED_PACKAGES.stream().anyMatch(name::startsWith)
                && DENIED_PACKAGES.stream().noneMatch(name::startsWith);
    }

    private boolean isOwn(String name) {
        return ownTypes.containsKey(name) && !isReserved(name);
    }

    /** {@code java.lang} itself, not its subpackages (reflect, invoke, ref, runtime, module, foreign …). */
    private static boolean isInJavaLang(String name) {
        return name.startsWith("java/lang/") && name.indexOf('/', "java/lang/".length()) < 0;
    }

    /** The top-level class of a nested one: a rule about {@code Thread} covers {@code Thread$Builder} too. */
    private static String outermost(String name) {
        int dollar = name.indexOf('$', name.lastIndexOf('/') + 1);
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    private List<String> member(String owner, String name, String descriptor, boolean method) {
        Set<String> forbidden = new LinkedHashSet<>();
        Optional<String> ownerProblem = type(owner);
        if (ownerProblem.isPresent()) {
            // The owner is refused as a whole; naming each of its members too would only repeat it.
            forbidden.add(ownerProblem.get());
        } else {
            for (String declarer : declarers(owner)) {
                if (!memberAllowed(declarer, name, descriptor, method)) {
                    forbidden.add(Type.getObjectType(declarer).getClassName() + "." + name);
                }
            }
        }
        forbidden.addAll(descriptor(descriptor));
        return List.copyOf(forbidden);
    }

    /**
     * Where a member named on {@code owner} may come from. For a JDK or SPI type that is the type itself; for a
     * class of the jar it is each JDK or SPI supertype, because a subclass of {@code TimeZone} inherits
     * {@code setDefault} and the JVM resolves {@code MyZone.setDefault} to it.
     */
    private List<String> declarers(String owner) {
        if (!isOwn(owner)) {
            return List.of(owner);
        }
        List<String> external = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(owner));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (isOwn(next)) {
                pending.addAll(ownTypes.get(next));
            } else {
                external.add(next);
            }
        }
        return external;
    }

    private static boolean memberAllowed(String owner, String name, String descriptor, boolean method) {
        switch (owner) {
            case "java/lang/System" -> {
                return method && SYSTEM_METHODS.contains(name);
            }
            case "java/lang/Class" -> {
                return method && CLASS_METHODS.contains(name);
            }
            default -> {
                // fall through to the method rules below
            }
        }
        if (!method) {
            return true;
        }
        if (DENIED_METHODS.contains(owner + "." + name)) {
            return false;
        }
        if (owner.equals("java/util/Formatter") && name.equals("<init>")
                && descriptor.startsWith("(Ljava/lang/String;")) {
            return false; // new Formatter(String fileName, …) opens a file
        }
        // A rule runs on the caller's thread: parallel streams and sorts would run it on the shared ForkJoin pool.
        return !(owner.startsWith("java/util/") && name.startsWith("parallel"));
    }

    /** The forbidden types in a field or method descriptor. */
    private List<String> descriptor(String descriptor) {
        return typesIn(descriptor).stream().map(this::type).flatMap(Optional::stream).distinct().toList();
    }

    /** The object types (internal names, arrays reduced to their element) in a field or method descriptor. */
    static List<String> typesIn(String descriptor) {
        Type type = Type.getType(descriptor);
        List<Type> types = new ArrayList<>();
        if (type.getSort() == Type.METHOD) {
            types.addAll(List.of(type.getArgumentTypes()));
            types.add(type.getReturnType());
        } else {
            types.add(type);
        }
        return types.stream().map(t -> t.getSort() == Type.ARRAY ? t.getElementType() : t)
                .filter(t -> t.getSort() == Type.OBJECT).map(Type::getInternalName).toList();
    }

    private List<String> dynamic(String descriptor, Handle bootstrap, List<Object> arguments) {
        Set<String> forbidden = new LinkedHashSet<>(descriptor(descriptor));
        if (!allowedBootstrap(bootstrap)) {
            forbidden.add(handleName(bootstrap));
        }
        // Checked even for a refused bootstrap: a System::exit among the arguments is worth naming as well.
        arguments.forEach(argument -> forbidden.addAll(bootstrapArgument(argument)));
        return List.copyOf(forbidden);
    }

    private static boolean allowedBootstrap(Handle bootstrap) {
        return bootstrap.getTag() == Opcodes.H_INVOKESTATIC
                && (ALLOWED_BOOTSTRAPS.contains(key(bootstrap))
                || bootstrap.getOwner().equals(SWITCH_BOOTSTRAPS));
    }

    /** A static argument of an allowed bootstrap: a lambda's body, a record's fields, a switch's labels. */
    private List<String> bootstrapArgument(Object argument) {
        return switch (argument) {
            case Type t when t.getSort() == Type.METHOD -> descriptor(t.getDescriptor());
            case Type t -> type(t).stream().toList();
            case Handle h -> handle(h);
            case ConstantDynamic c -> constantDynamic(c);
            default -> List.of(); // strings and numbers
        };
    }

    private List<String> handle(Handle handle) {
        boolean field = handle.getTag() <= Opcodes.H_PUTSTATIC;
        return member(handle.getOwner(), handle.getName(), handle.getDesc(), !field);
    }

    /**
     * A dynamic constant runs its bootstrap at link time, so only the enum-label descriptors of a pattern switch
     * pass; the class a {@code ClassDesc.of("…")} names is checked like any other type.
     */
    private List<String> constantDynamic(ConstantDynamic constant) {
        Handle bootstrap = constant.getBootstrapMethod();
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < constant.getBootstrapMethodArgumentCount(); i++) {
            arguments.add(constant.getBootstrapMethodArgument(i));
        }
        String factory = !arguments.isEmpty() && arguments.getFirst() instanceof Handle h
                && h.getTag() == Opcodes.H_INVOKESTATIC ? key(h) : "";
        boolean descriptorFactory = bootstrap.getTag() == Opcodes.H_INVOKESTATIC
                && key(bootstrap).equals(CONSTANT_INVOKE)
                && (factory.equals(ENUM_DESC_OF) || factory.equals(CLASS_DESC_OF));
        if (!descriptorFactory) {
            Set<String> forbidden = new LinkedHashSet<>();
            forbidden.add(handleName(bootstrap));
            arguments.forEach(argument -> forbidden.addAll(bootstrapArgument(argument)));
            return List.copyOf(forbidden);
        }
        Set<String> forbidden = new LinkedHashSet<>();
        for (Object argument : arguments.subList(1, arguments.size())) {
            if (argument instanceof ConstantDynamic nested) {
                forbidden.addAll(constantDynamic(nested));
            } else if (argument instanceof String className && factory.equals(CLASS_DESC_OF)) {
                forbidden.addAll(type(className.replace('.', '/')).stream().toList());
            }
        }
        return List.copyOf(forbidden);
    }

    /** An {@code ldc}: class literals are fine, method handles and method types are {@code java.lang.invoke}. */
    private List<String> constant(Object value) {
        return switch (value) {
            case Type t when t.getSort() == Type.METHOD -> List.of("java.lang.invoke.MethodType");
            case Type t -> type(t).stream().toList();
            case Handle h -> {
                Set<String> forbidden = new LinkedHashSet<>(List.of("java.lang.invoke.MethodHandle"));
                forbidden.addAll(handle(h));
                yield List.copyOf(forbidden);
            }
            case ConstantDynamic c -> constantDynamic(c);
            default -> List.of();
        };
    }

    private static String handleName(Handle handle) {
        return Type.getObjectType(handle.getOwner()).getClassName() + "." + handle.getName();
    }

    /** A handle's target as the allow-lists spell it: {@code java/lang/invoke/LambdaMetafactory.metafactory}. */
    private static String key(Handle handle) {
        return handle.getOwner() + "." + handle.getName();
    }
}
