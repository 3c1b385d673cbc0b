package cq.retirees.infra.plugins.verify;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files javac would not write for a test, made with ASM. */
final class GeneratedClasses {

    private GeneratedClasses() {
    }

    /** An empty public class extending {@code superName}. */
    static byte[] plain(String internalName, String superName) {
        ClassWriter writer = start(internalName, superName);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A class declaring {@code native int peek()}. */
    static byte[] withNativeMethod(String internalName) {
        ClassWriter writer = start(internalName, "java/lang/Object");
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_NATIVE, "peek", "()I", null, null).visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A class overriding {@code finalize()} with an empty body. */
    static byte[] withFinalizer(String internalName) {
        ClassWriter writer = start(internalName, "java/lang/Object");
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PROTECTED, "finalize", "()V", null, null);
        method.visitCode();
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A class whose {@code run()} calls the given static method with no arguments and discards the result. */
    static byte[] callingStatic(String internalName, String owner, String name, String descriptor) {
        ClassWriter writer = start(internalName, "java/lang/Object");
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
        method.visitCode();
        method.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static ClassWriter start(String internalName, String superName) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, superName, null);
        return writer;
    }
}
