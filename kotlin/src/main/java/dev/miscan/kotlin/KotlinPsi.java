package dev.miscan.kotlin;

import org.jetbrains.kotlin.cli.FrontendConfigurationKeysKt;
import org.jetbrains.kotlin.cli.common.messages.MessageCollector;
import org.jetbrains.kotlin.cli.jvm.compiler.EnvironmentConfigFiles;
import org.jetbrains.kotlin.cli.jvm.compiler.KotlinCoreEnvironment;
import org.jetbrains.kotlin.com.intellij.openapi.Disposable;
import org.jetbrains.kotlin.com.intellij.openapi.util.Disposer;
import org.jetbrains.kotlin.com.intellij.psi.PsiErrorElement;
import org.jetbrains.kotlin.com.intellij.psi.util.PsiTreeUtil;
import org.jetbrains.kotlin.compiler.plugin.CompilerPluginRegistrar;
import org.jetbrains.kotlin.config.CommonConfigurationKeys;
import org.jetbrains.kotlin.config.CompilerConfiguration;
import org.jetbrains.kotlin.config.JVMConfigurationKeys;
import org.jetbrains.kotlin.psi.KtFile;
import org.jetbrains.kotlin.psi.KtPsiFactory;

/**
 * The Kotlin compiler's PSI, as ktlint and detekt use it standalone: one core environment per JVM, created on first
 * use (about a second) and kept for the life of the process. Parsing and reading the tree are serialised: the
 * IntelliJ core is not meant to be entered by several threads without its read actions, and a file takes about a
 * millisecond, so one lock costs a scan little.
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
            Disposable root = Disposer.newDisposable("mi-scan Kotlin");
            CompilerConfiguration configuration = new CompilerConfiguration();
            configuration.put(CommonConfigurationKeys.MESSAGE_COLLECTOR_KEY, MessageCollector.Companion.getNONE());
            configuration.put(CommonConfigurationKeys.MODULE_NAME, "mi-scan");
            configuration.put(JVMConfigurationKeys.NO_JDK, true); // syntax only: no class path, no JDK to index
            FrontendConfigurationKeysKt.setExtensionsStorage(configuration, new CompilerPluginRegistrar.ExtensionStorage());
            KotlinCoreEnvironment env = KotlinCoreEnvironment.createForProduction(root, configuration,
                    EnvironmentConfigFiles.JVM_CONFIG_FILES);
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
            String java = new KotlinToJava(file, normalised, fileName).translate();
            int errors = 0;
            int first = 0;
            for (PsiErrorElement e : PsiTreeUtil.collectElementsOfType(file, PsiErrorElement.class)) {
                int line = 1 + (int) normalised.substring(0, e.getTextRange().getStartOffset()).chars()
                        .filter(c -> c == '\n').count();
                first = errors == 0 ? line : Math.min(first, line);
                errors++;
            }
            return new Translation(java, first, errors);
        }
    }
}
