package cq.retirees.infra.plugins.verify;

import cq.retirees.infra.plugins.verify.Reference.ConstantUse;
import cq.retirees.infra.plugins.verify.Reference.DynamicUse;
import cq.retirees.infra.plugins.verify.Reference.FieldUse;
import cq.retirees.infra.plugins.verify.Reference.MethodUse;
import cq.retirees.infra.plugins.verify.Reference.NativeMethod;
import cq.retirees.infra.plugins.verify.Reference.TypeUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferencePolicyTest {

    private static final String LAMBDA_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;"
            + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";
    private static final Handle METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC,
            "java/lang/invoke/LambdaMetafactory", "metafactory", LAMBDA_DESCRIPTOR, false);
    private static final Handle TYPE_SWITCH = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/runtime/SwitchBootstraps",
            "typeSwitch", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
            + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);
    private static final Handle CONSTANT_INVOKE = new Handle(Opcodes.H_INVOKESTATIC,
            "java/lang/invoke/ConstantBootstraps", "invoke", "(Ljava/lang/invoke/MethodHandles$Lookup;"
            + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;",
            false);

    /** A jar with a rule class, a nested record, and a time zone of its own. */
    private final ReferencePolicy policy = new ReferencePolicy(Map.of(
            "com/example/Rule", List.of("java/lang/Object", "cq/retirees/spi/receiving/ReceivingRule"),
            "com/example/Rule$Reason", List.of("java/lang/Record"),
            "com/example/MyZone", List.of("java/util/TimeZone"),
            "com/example/MyList", List.of("com/example/MyBase"),
            "com/example/MyBase", List.of("java/util/ArrayList"),
            "java/io/Sneaky", List.of("java/lang/Object")));

    @ParameterizedTest
    @ValueSource(strings = {"com/example/Rule", "com/example/Rule$Reason", "cq/retirees/spi/receiving/ReceivingRule",
            "cq/retirees/spi/PluginSettings", "cq/retirees/kernel/AreaCode", "org/pf4j/Extension",
            "org/pf4j/ExtensionPoint", "java/lang/Object", "java/lang/String", "java/lang/StringBuilder",
            "java/lang/Math", "java/lang/Record", "java/lang/Enum", "java/lang/MatchException", "java/lang/Class",
            "java/lang/System", "java/lang/Character$UnicodeBlock", "java/util/List", "java/util/Map$Entry",
            "java/util/Optional", "java/util/stream/Collectors", "java/util/function/Function",
            "java/util/regex/Pattern", "java/time/LocalDate", "java/time/format/DateTimeFormatter",
            "java/math/BigDecimal", "[Ljava/lang/String;", "[[I", "[Lcom/example/Rule;"})
    void allowedTypes(String type) {
        assertTrue(policy.allowsType(type), type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java/io/File", "java/io/Serializable", "java/nio/file/Files", "java/net/URL",
            "java/sql/Connection", "javax/naming/InitialContext", "sun/misc/Unsafe", "jdk/internal/misc/Unsafe",
            "com/sun/net/httpserver/HttpServer", "org/pf4j/Plugin", "org/pf4j/PluginWrapper",
            "org/pf4j/PluginManager", "org/slf4j/Logger", "java/text/SimpleDateFormat", "java/lang/Thread",
            "java/lang/Thread$Builder", "java/lang/ThreadGroup", "java/lang/ThreadLocal",
            "java/lang/InheritableThreadLocal", "java/lang/ClassLoader", "java/lang/Runtime",
            "java/lang/Runtime$Version", "java/lang/Process", "java/lang/ProcessBuilder", "java/lang/ProcessHandle",
            "java/lang/StackWalker", "java/lang/Module", "java/lang/Package", "java/lang/System$Logger",
            "java/lang/reflect/Method", "java/lang/invoke/MethodHandle", "java/lang/invoke/LambdaMetafactory",
            "java/lang/runtime/ObjectMethods", "java/lang/ref/WeakReference", "java/lang/module/ModuleFinder",
            "java/lang/management/ManagementFactory", "java/lang/instrument/Instrumentation",
            "java/lang/foreign/Linker", "java/util/concurrent/ConcurrentHashMap",
            "java/util/concurrent/atomic/AtomicInteger", "java/util/ServiceLoader", "java/util/ServiceLoader$Provider",
            "java/util/logging/Logger", "java/util/jar/JarFile", "java/util/zip/ZipFile", "java/util/prefs/Preferences",
            "java/util/spi/ToolProvider", "java/util/Timer", "java/util/ResourceBundle",
            "java/util/stream/StreamSupport", "java/time/zone/ZoneRulesProvider", "[Ljava/lang/Thread;",
            "java/io/Sneaky"})
    void forbiddenTypes(String type) {
        assertFalse(policy.allowsType(type), type);
    }

    @Test
    void aForbiddenTypeIsNamedAsInJavaSource() {
        assertEquals(List.of("java.io.FileInputStream"), policy.check(new TypeUse("java/io/FileInputStream")));
        assertEquals(List.of("java.lang.Thread"), policy.check(new TypeUse("[[Ljava/lang/Thread;")));
        assertEquals(List.of(), policy.check(new TypeUse("[J")));
    }

    @Test
    void onlyTheHarmlessSystemMethodsAreAllowed() {
        for (String allowed : List.of("currentTimeMillis", "nanoTime", "arraycopy", "identityHashCode",
                "lineSeparator")) {
            assertEquals(List.of(), policy.check(new MethodUse("java/lang/System", allowed, "()J")), allowed);
        }
        assertEquals(List.of("java.lang.System.exit"), policy.check(new MethodUse("java/lang/System", "exit", "(I)V")));
        assertEquals(List.of("java.lang.System.getenv"),
                policy.check(new MethodUse("java/lang/System", "getenv", "(Ljava/lang/String;)Ljava/lang/String;")));
        assertEquals(List.of("java.lang.System.getProperty"), policy.check(
                new MethodUse("java/lang/System", "getProperty", "(Ljava/lang/String;)Ljava/lang/String;")));
        assertEquals(List.of("java.lang.System.loadLibrary"),
                policy.check(new MethodUse("java/lang/System", "loadLibrary", "(Ljava/lang/String;)V")));
        assertEquals(List.of("java.lang.System.out", "java.io.PrintStream"),
                policy.check(new FieldUse("java/lang/System", "out", "Ljava/io/PrintStream;")));
    }

    @Test
    void classIsAllowedAsATypeButNotForReflection() {
        assertEquals(List.of(), policy.check(new MethodUse("java/lang/Object", "getClass", "()Ljava/lang/Class;")));
        for (String allowed : List.of("getName", "getSimpleName", "isInstance", "cast", "desiredAssertionStatus",
                "hashCode", "equals", "toString")) {
            assertEquals(List.of(), policy.check(new MethodUse("java/lang/Class", allowed, "()Ljava/lang/String;")));
        }
        assertEquals(List.of("java.lang.Class.forName"), policy.check(
                new MethodUse("java/lang/Class", "forName", "(Ljava/lang/String;)Ljava/lang/Class;")));
        assertEquals(List.of("java.lang.Class.getDeclaredMethods", "java.lang.reflect.Method"), policy.check(
                new MethodUse("java/lang/Class", "getDeclaredMethods", "()[Ljava/lang/reflect/Method;")));
        assertEquals(List.of("java.lang.Class.getEnumConstants"), policy.check(
                new MethodUse("java/lang/Class", "getEnumConstants", "()[Ljava/lang/Object;")));
        assertEquals(List.of("java.lang.Class.getResourceAsStream", "java.io.InputStream"), policy.check(
                new MethodUse("java/lang/Class", "getResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;")));
    }

    @Test
    void aMemberOfAForbiddenTypeIsReportedAsTheType() {
        assertEquals(List.of("java.io.FileInputStream"),
                policy.check(new MethodUse("java/io/FileInputStream", "<init>", "(Ljava/lang/String;)V")));
        assertEquals(List.of("java.lang.Thread"), policy.check(new MethodUse("java/lang/Thread", "sleep", "(J)V")));
    }

    @Test
    void typesInAnAllowedMethodsDescriptorAreChecked() {
        assertEquals(List.of("java.nio.charset.Charset"),
                policy.check(new MethodUse("java/lang/String", "getBytes", "(Ljava/nio/charset/Charset;)[B")));
        assertEquals(List.of(), policy.check(new MethodUse("java/lang/String", "getBytes", "()[B")));
    }

    @Test
    void systemPropertiesAndGlobalDefaultsAreOutOfReach() {
        assertEquals(List.of("java.lang.Integer.getInteger"),
                policy.check(new MethodUse("java/lang/Integer", "getInteger", "(Ljava/lang/String;)Ljava/lang/Integer;")));
        assertEquals(List.of(), policy.check(new MethodUse("java/lang/Integer", "parseInt", "(Ljava/lang/String;)I")));
        assertEquals(List.of("java.util.Locale.setDefault"),
                policy.check(new MethodUse("java/util/Locale", "setDefault", "(Ljava/util/Locale;)V")));
        assertEquals(List.of("java.util.Formatter.<init>"),
                policy.check(new MethodUse("java/util/Formatter", "<init>", "(Ljava/lang/String;)V")));
        assertEquals(List.of(),
                policy.check(new MethodUse("java/util/Formatter", "<init>", "(Ljava/lang/Appendable;)V")));
        assertEquals(List.of("java.util.Collection.parallelStream"), policy.check(
                new MethodUse("java/util/Collection", "parallelStream", "()Ljava/util/stream/Stream;")));
    }

    @Test
    void aMemberInheritedThroughAPluginClassIsCheckedAgainstWhereItComesFrom() {
        assertEquals(List.of("java.util.TimeZone.setDefault"),
                policy.check(new MethodUse("com/example/MyZone", "setDefault", "(Ljava/util/TimeZone;)V")));
        assertEquals(List.of("java.util.ArrayList.parallelStream"), policy.check(
                new MethodUse("com/example/MyList", "parallelStream", "()Ljava/util/stream/Stream;")));
        assertEquals(List.of(), policy.check(new MethodUse("com/example/MyList", "size", "()I")));
        assertEquals(List.of(), policy.check(new MethodUse("com/example/Rule", "ruleId", "()Ljava/lang/String;")));
    }

    @Test
    void arraysAreJudgedByTheirElementType() {
        assertEquals(List.of(), policy.check(new MethodUse("[Lcom/example/Rule;", "clone", "()Ljava/lang/Object;")));
        assertEquals(List.of("java.lang.Thread"),
                policy.check(new MethodUse("[Ljava/lang/Thread;", "clone", "()Ljava/lang/Object;")));
    }

    @Test
    void aJarClassInAReservedPackageDoesNotCountAsTheJarsOwn() {
        assertTrue(ReferencePolicy.isReserved("java/io/Sneaky"));
        assertTrue(ReferencePolicy.isReserved("org/pf4j/PluginHelper"));
        assertFalse(ReferencePolicy.isReserved("cq/retirees/plugins/yuzhong/Rule"));
        assertEquals(List.of("java.io.Sneaky"), policy.check(new TypeUse("java/io/Sneaky")));
    }

    @Test
    void aLambdaPassesWhenItsBodyDoes() {
        Handle body = new Handle(Opcodes.H_INVOKESTATIC, "com/example/Rule", "lambda$propose$0",
                "(Ljava/lang/String;)Ljava/lang/String;", false);
        assertEquals(List.of(), policy.check(lambda(body)));

        Handle exit = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        assertEquals(List.of("java.lang.System.exit"), policy.check(lambda(exit)));

        Handle forName = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Class", "forName",
                "(Ljava/lang/String;)Ljava/lang/Class;", false);
        assertEquals(List.of("java.lang.Class.forName"), policy.check(lambda(forName)));
    }

    @Test
    void theCallSiteTypeOfAnAllowedBootstrapIsChecked() {
        Handle body = new Handle(Opcodes.H_INVOKESTATIC, "com/example/Rule", "lambda$run$0", "()V", false);
        DynamicUse runnable = new DynamicUse("()Ljava/util/TimerTask;", METAFACTORY,
                List.of(Type.getType("()V"), body, Type.getType("()V")));
        assertEquals(List.of("java.util.TimerTask"), policy.check(runnable));
    }

    @Test
    void anyOtherBootstrapIsRefused() {
        Handle own = new Handle(Opcodes.H_INVOKESTATIC, "com/example/Rule", "bootstrap", LAMBDA_DESCRIPTOR, false);
        assertEquals(List.of("com.example.Rule.bootstrap"),
                policy.check(new DynamicUse("()Ljava/lang/Object;", own, List.of())));
    }

    @Test
    void aPatternSwitchOverEnumConstantsPassesButItsLabelsAreChecked() {
        Handle classDescOf = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/constant/ClassDesc", "of",
                "(Ljava/lang/String;)Ljava/lang/constant/ClassDesc;", true);
        Handle enumDescOf = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Enum$EnumDesc", "of",
                "(Ljava/lang/constant/ClassDesc;Ljava/lang/String;)Ljava/lang/Enum$EnumDesc;", false);
        ConstantDynamic ownEnum = new ConstantDynamic("invoke", "Ljava/lang/Enum$EnumDesc;", CONSTANT_INVOKE,
                enumDescOf, new ConstantDynamic("invoke", "Ljava/lang/constant/ClassDesc;", CONSTANT_INVOKE,
                classDescOf, "com.example.Rule$Reason"), "LOW");
        assertEquals(List.of(), policy.check(new DynamicUse("(Ljava/lang/Object;I)I", TYPE_SWITCH,
                List.of(ownEnum, Type.getObjectType("com/example/Rule")))));

        ConstantDynamic foreignEnum = new ConstantDynamic("invoke", "Ljava/lang/Enum$EnumDesc;", CONSTANT_INVOKE,
                enumDescOf, new ConstantDynamic("invoke", "Ljava/lang/constant/ClassDesc;", CONSTANT_INVOKE,
                classDescOf, "java.util.concurrent.TimeUnit"), "SECONDS");
        assertEquals(List.of("java.util.concurrent.TimeUnit"),
                policy.check(new DynamicUse("(Ljava/lang/Object;I)I", TYPE_SWITCH, List.of(foreignEnum))));

        assertEquals(List.of("java.io.File"), policy.check(new DynamicUse("(Ljava/lang/Object;I)I", TYPE_SWITCH,
                List.of(Type.getObjectType("java/io/File")))));

        Handle exit = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        ConstantDynamic sneaky = new ConstantDynamic("invoke", "Ljava/lang/Object;", CONSTANT_INVOKE, exit, 1);
        assertEquals(List.of("java.lang.invoke.ConstantBootstraps.invoke", "java.lang.System.exit"),
                policy.check(new DynamicUse("(Ljava/lang/Object;I)I", TYPE_SWITCH, List.of(sneaky))));
    }

    @Test
    void classLiteralsPassButMethodHandlesAndTypesDoNot() {
        assertEquals(List.of(), policy.check(new ConstantUse(Type.getObjectType("com/example/Rule"))));
        assertEquals(List.of(), policy.check(new ConstantUse("text")));
        assertEquals(List.of("java.net.Socket"), policy.check(new ConstantUse(Type.getObjectType("java/net/Socket"))));
        assertEquals(List.of("java.lang.invoke.MethodType"), policy.check(new ConstantUse(Type.getType("()V"))));
        Handle size = new Handle(Opcodes.H_INVOKEINTERFACE, "java/util/List", "size", "()I", true);
        assertEquals(List.of("java.lang.invoke.MethodHandle"), policy.check(new ConstantUse(size)));
    }

    @Test
    void aNativeMethodIsRefused() {
        assertEquals(List.of("native method peek"), policy.check(new NativeMethod("peek")));
    }

    private static DynamicUse lambda(Handle body) {
        return new DynamicUse("()Ljava/util/function/Function;", METAFACTORY,
                List.of(Type.getType("(Ljava/lang/Object;)Ljava/lang/Object;"), body,
                        Type.getType("(Ljava/lang/String;)Ljava/lang/String;")));
    }
}
