package dev.miscan.kotlin;

import org.jetbrains.kotlin.cli.jvm.compiler.CompatKt;
import org.jetbrains.kotlin.com.intellij.core.CoreApplicationEnvironment;
import org.jetbrains.kotlin.com.intellij.core.CoreProjectEnvironment;
import org.jetbrains.kotlin.com.intellij.openapi.Disposable;
import org.jetbrains.kotlin.com.intellij.openapi.util.Disposer;
import org.jetbrains.kotlin.idea.KotlinFileType;
import org.jetbrains.kotlin.parsing.KotlinParserDefinition;
import org.jetbrains.kotlin.psi.KtFile;
import org.jetbrains.kotlin.psi.KtPsiFactory;

/**
 * The Kotlin compiler's PSI, read standalone: one IntelliJ core environment per JVM, created on first use and kept
 * for the life of the process. It holds only what parsing a file needs: the core application and project (PSI
 * manager, file factory) with Kotlin's file type and parser definition registered, and the system properties the
 * compiler sets for running outside the IDE. The compiler's own environment ({@code KotlinCoreEnvironment}, which
 * ktlint and detekt create) adds the Java PSI, class-path roots and compiler extensions, none of which parsing uses;
 * the parser, and so the tree, is the same. Parsing and reading the tree are serialised: the IntelliJ core is not
 * meant to be entered by several threads without its read actions, and a file takes about a millisecond, so one
 * lock costs a scan little.
 */
final class KotlinPsi {
    private static final Object LOCK = new Object();

    private KotlinPsi() {
    }

    /** Created when the class is first used (the JVM makes that thread-safe). */
    private static final class Holder {
        static final KtPsiFactory FACTORY = create();

        private static KtPsiFactory create() {
            if (System.getProperty("idea.io.use.nio2") == null) {
                System.setProperty("idea.io.use.nio2", "true"); // as the Kotlin compiler's own CLI does
            }
            CompatKt.setupIdeaStandaloneExecution(); // as KotlinCoreEnvironment.createForProduction does first
            Disposable root = Disposer.newDisposable("mi-scan Kotlin");
            CoreApplicationEnvironment application = new CoreApplicationEnvironment(root, false);
            application.registerFileType(KotlinFileType.INSTANCE, "kt");
            application.registerFileType(KotlinFileType.INSTANCE, "kts");
            application.registerParserDefinition(new KotlinParserDefinition());
            CoreProjectEnvironment env = new CoreProjectEnvironment(root, application);
            return new KtPsiFactory(env.getProject(), false);
        }
    }

    /** {@code read} applied to the parsed file, under the lock (tests look at the tree). */
    static <T> T withFile(String fileName, String text, java.util.function.Function<KtFile, T> read) {
        String normalised = text.replace("\r\n", "\n").replace('\r', ' ');
        synchronized (LOCK) {
            return read.apply(Holder.FACTORY.createFile(fileName, normalised));
        }
    }

    /** The Java reading of a Kotlin source, and where it does not parse (0: it parses). */
    record Translation(String java, int firstErrorLine, int errors) {
    }

    /** The Java reading of the Kotlin source {@code text} of file {@code fileName}, line for line. */
    static Translation toJava(String fileName, String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', ' '); // lines as the engine counts them: at \n only
        synchronized (LOCK) {
            KtFile file = Holder.FACTORY.createFile(fileName, normalised);
            KotlinToJava reading = new KotlinToJava(file, normalised, fileName);
            String java = reading.translate();
            int errors = reading.errors();
            int first = reading.firstErrorLine();
            return new Translation(java, first, errors);
        }
    }
}
