/*
 * Build step of the cli module (run by exec-maven-plugin after the shade plugin, as a single-file Java program):
 * raises the class files under a prefix of the runnable jar to Java 8's format, in place.
 *
 *   java -cp ASM_JAR cli/src/build/RetargetClassFiles.java JAR PREFIX
 *
 * Why: picocli's classes are compiled for Java 5 (class-file version 49). The JVM's class-data sharing cannot archive
 * a class older than version 50, so the archive the launcher and the pre-commit hook write leaves picocli out and
 * every run loads and verifies its ~200 classes from the jar again (the old type-inferring verifier, too). The
 * classes are rewritten with the same code and stack map frames computed by ASM; each is then loaded and linked in a
 * fresh class loader, so a frame the verifier rejects fails the build, not a user's run. Afterwards no class under
 * PREFIX may be older than version 50.
 */

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

public class RetargetClassFiles {
    /** Class-data sharing archives classes of this version and later. */
    static final int CDS_MIN_MAJOR = 50;
    static final int JAVA_8 = Opcodes.V1_8;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RetargetClassFiles JAR PREFIX");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        String prefix = args[1];
        List<String> rewritten = new ArrayList<>();
        List<String> unverified;
        // the original jar resolves the hierarchy that frame computation asks about
        Path original = Files.createTempFile(jar.getParent(), "retarget-", ".jar");
        try {
            Files.copy(jar, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (URLClassLoader hierarchy = new URLClassLoader(new URL[] {original.toUri().toURL()}, null);
                    FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
                Path root = zip.getPath("/" + prefix);
                List<Path> classes;
                try (Stream<Path> s = Files.walk(root)) {
                    classes = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path p : classes) {
                    byte[] in = Files.readAllBytes(p);
                    if (major(in) >= CDS_MIN_MAJOR) {
                        continue;
                    }
                    Files.write(p, retarget(in, hierarchy));
                    rewritten.add(p.toString().substring(1));
                }
            }
            unverified = check(jar, prefix, rewritten);
        } finally {
            Files.deleteIfExists(original);
        }
        System.out.println("RetargetClassFiles: " + rewritten.size() + " class files under " + prefix + " of "
                + jar.getFileName() + " raised to class-file version " + JAVA_8 + " (class-data sharing can archive them)"
                + (unverified.isEmpty() ? "" : "; not linked here, so not verified (an optional dependency absent): "
                        + unverified.size() + " " + unverified));
    }

    static int major(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    static byte[] retarget(byte[] classFile, ClassLoader hierarchy) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return hierarchy;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(JAVA_8, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }

    /**
     * Every class under the prefix is version 50 or later now, and each rewritten one loads and verifies; returns
     * those that could not be linked at all here (a dependency they name is absent), which the caller reports.
     */
    static List<String> check(Path jar, String prefix, List<String> rewritten) throws IOException {
        List<String> unverified = new ArrayList<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile());
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            z.stream().filter(e -> e.getName().startsWith(prefix) && e.getName().endsWith(".class")).forEach(e -> {
                try (InputStream in = z.getInputStream(e)) {
                    if (major(in.readNBytes(8)) < CDS_MIN_MAJOR) {
                        throw new IllegalStateException(e.getName() + " is still older than class-file version "
                                + CDS_MIN_MAJOR);
                    }
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            for (String entry : rewritten) {
                String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                try {
                    // linking verifies the new stack map frames; initialisation runs only picocli's own static setup
                    Class.forName(name, true, loader);
                } catch (VerifyError | ClassFormatError e) {
                    throw new IllegalStateException(entry + " does not verify after the rewrite: " + e.getMessage(), e);
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class whose optional dependency is absent or whose setup needs a terminal: not the rewrite's doing
                    unverified.add(name);
                }
            }
        }
        return unverified;
    }
}
