package cq.retirees.infra.plugins.verify;

import org.objectweb.asm.Handle;

import java.util.List;

/**
 * One thing a plugin class refers to, as {@link ReferenceCollector} found it in the bytecode. Names are JVM internal
 * names ({@code java/io/File}) or, for array types, descriptors ({@code [Ljava/io/File;}). {@link ReferencePolicy}
 * decides whether each is allowed.
 */
sealed interface Reference {

    /** A type named anywhere: supertypes, descriptors, signatures, annotations, instructions, frames, catches. */
    record TypeUse(String internalName) implements Reference {
    }

    /** A method called (or referred to by a method handle). */
    record MethodUse(String owner, String name, String descriptor) implements Reference {
    }

    /** A field read or written (or referred to by a method handle). */
    record FieldUse(String owner, String name, String descriptor) implements Reference {
    }

    /** An {@code invokedynamic} call site: its type, bootstrap method and static arguments. */
    record DynamicUse(String descriptor, Handle bootstrap, List<Object> arguments) implements Reference {

        public DynamicUse {
            arguments = List.copyOf(arguments);
        }
    }

    /** An {@code ldc} of a class, method type, method handle or dynamic constant. */
    record ConstantUse(Object value) implements Reference {
    }

    /** A {@code native} method declared by the class: its code is outside the JVM, so nothing here can check it. */
    /** A {@code finalize()} override: it would run on the JVM's single finalizer thread, outside any time limit. */
    record Finalizer() implements Reference {
    }

    record NativeMethod(String name) implements Reference {
    }
}
