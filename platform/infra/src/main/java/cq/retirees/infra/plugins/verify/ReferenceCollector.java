package cq.retirees.infra.plugins.verify;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one class file and records everything it refers to, without judging: superclass and interfaces, field,
 * method and record-component types and generic signatures, annotations (with their class and enum values), and in
 * method bodies every instruction that names a type or member, {@code invokedynamic} bootstraps with their
 * arguments, {@code ldc} constants, catch types, local variable types, stack-map frames and multi-dimensional
 * arrays. Over-collecting is cheap, missing a reference is not, so it records even what the JVM would only resolve
 * lazily.
 *
 * <p>The {@code InnerClasses} attribute is left out on purpose: it is a naming table the JVM consults only when
 * asked reflectively, and javac lists {@code MethodHandles$Lookup} there in every class with a lambda.
 */
final class ReferenceCollector extends ClassVisitor {

    private static final int API = Opcodes.ASM9;

    private final Set<Reference> references = new LinkedHashSet<>();
    private String className;
    private final List<String> supertypes = new ArrayList<>();

    ReferenceCollector() {
        super(API);
    }

    /** The class's internal name, e.g. {@code com/example/Rule}. */
    String className() {
        return className;
    }

    /** Superclass (if any) then interfaces, as internal names. */
    List<String> supertypes() {
        return List.copyOf(supertypes);
    }

    List<Reference> references() {
        return List.copyOf(references);
    }

    // ---- class level ------------------------------------------------------------------------------------------

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        className = name;
        if (superName != null) {
            supertypes.add(superName);
            type(superName);
        }
        if (interfaces != null) {
            for (String each : interfaces) {
                supertypes.add(each);
                type(each);
            }
        }
        signature(signature);
    }

    @Override
    public void visitNestHost(String nestHost) {
        type(nestHost);
    }

    @Override
    public void visitOuterClass(String owner, String name, String descriptor) {
        type(owner);
        if (descriptor != null) {
            descriptor(descriptor);
        }
    }

    @Override
    public void visitNestMember(String nestMember) {
        type(nestMember);
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
        type(permittedSubclass);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return annotation(descriptor);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                                                 boolean visible) {
        return annotation(descriptor);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        descriptor(descriptor);
        signature(signature);
        return new RecordComponentVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                                                         boolean visible) {
                return annotation(annotation);
            }
        };
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        descriptor(descriptor);
        signature(signature);
        return new FieldVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                                                         boolean visible) {
                return annotation(annotation);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            references.add(new Reference.NativeMethod(name));
        }
        if (name.equals("finalize") && descriptor.equals("()V")) {
            references.add(new Reference.Finalizer());
        }
        descriptor(descriptor);
        signature(signature);
        if (exceptions != null) {
            for (String each : exceptions) {
                type(each);
            }
        }
        return new Body();
    }

    // ---- method bodies ----------------------------------------------------------------------------------------

    /** Every instruction and attribute of a method that can name a type or a member. */
    private final class Body extends MethodVisitor {

        Body() {
            super(API);
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            return new Annotation();
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                                                     boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            frameTypes(local, numLocal);
            frameTypes(stack, numStack);
        }

        private void frameTypes(Object[] entries, int count) {
            for (int i = 0; entries != null && i < count; i++) {
                if (entries[i] instanceof String internalName) { // the others are primitives or labels
                    type(internalName);
                }
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            type(type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            references.add(new Reference.FieldUse(owner, name, descriptor));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                    boolean isInterface) {
            references.add(new Reference.MethodUse(owner, name, descriptor));
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
                                           Object... bootstrapMethodArguments) {
            references.add(new Reference.DynamicUse(descriptor, bootstrapMethodHandle,
                    List.of(bootstrapMethodArguments)));
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type || value instanceof Handle || value instanceof ConstantDynamic) {
                references.add(new Reference.ConstantUse(value));
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            descriptor(descriptor);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor,
                                                     boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) { // null is a finally block
                type(type);
            }
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
                                                         boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                                       int index) {
            descriptor(descriptor);
            signature(signature);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                                                              Label[] end, int[] index, String descriptor,
                                                              boolean visible) {
            return annotation(descriptor);
        }
    }

    // ---- annotations ------------------------------------------------------------------------------------------

    private AnnotationVisitor annotation(String descriptor) {
        descriptor(descriptor);
        return new Annotation();
    }

    /** Annotation values: class literals, enum constants and nested annotations name types. */
    private final class Annotation extends AnnotationVisitor {

        Annotation() {
            super(API);
        }

        @Override
        public void visit(String name, Object value) {
            if (value instanceof Type type) {
                descriptor(type.getDescriptor());
            }
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            descriptor(descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return this;
        }
    }

    // ---- types ------------------------------------------------------------------------------------------------

    private void type(String internalNameOrArray) {
        references.add(new Reference.TypeUse(internalNameOrArray));
    }

    private void descriptor(String descriptor) {
        ReferencePolicy.typesIn(descriptor).forEach(this::type);
    }

    /** Generic signatures: not linked by the JVM, but they say what the plugin means to work with. */
    private void signature(String signature) {
        if (signature != null) {
            new SignatureReader(signature).accept(new SignatureTypes());
        }
    }

    /** Records each class type of a signature; inner class types arrive as {@code Outer} then {@code Inner}. */
    private final class SignatureTypes extends SignatureVisitor {

        private final Deque<String> open = new ArrayDeque<>();

        SignatureTypes() {
            super(API);
        }

        @Override
        public void visitClassType(String name) {
            open.push(name);
            type(name);
        }

        @Override
        public void visitInnerClassType(String name) {
            String inner = open.pop() + "$" + name;
            open.push(inner);
            type(inner);
        }

        @Override
        public void visitEnd() {
            open.pop();
        }
    }
}
