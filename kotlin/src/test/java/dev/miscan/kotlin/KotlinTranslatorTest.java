package dev.miscan.kotlin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.parse.java.JavaView;
import dev.miscan.core.source.Fragment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KotlinTranslatorTest {
    private final KotlinTranslator translator = new KotlinTranslator();

    @Test
    void acceptsKotlinSourcesAndScriptsByName() {
        assertThat(translator.accepts("src/main/kotlin/App.kt")).isTrue();
        assertThat(translator.accepts("build.gradle.kts")).isTrue();
        assertThat(translator.accepts("LEGACY.KT")).isTrue();
        assertThat(translator.accepts("src/main/java/App.java")).isFalse();
        assertThat(translator.accepts("notes.kotlin")).isFalse();
    }

    @Test
    void translationIsJavaWithEveryLineWhereItWas() throws Exception {
        for (Path fixture : KotlinSyntaxOfFixturesTest.kotlinFixtures()) {
            String source = Files.readString(fixture);
            List<String> warnings = new ArrayList<>();
            Fragment java = translator.translate(new Fragment(fixture.toString(), source), warnings::add);
            assertThat(warnings).as("warnings for %s", fixture).isEmpty();
            assertThat(java.syntax()).endsWith(".java");
            assertThat(JavaView.parse(fixture.toString(), java.text()).problem() == null).as("Java of %s parses", fixture)
                    .isTrue(); // a parse problem may quote the text: never printed
            String[] in = source.split("\n", -1);
            String[] out = java.text().split("\n", -1);
            assertThat(out.length).as("lines of %s", fixture).isBetween(in.length - 1, in.length + 1);
            for (int i = 0; i < in.length; i++) {
                // a marker stays on its line: the harness reads it from the source, the finding from the translation
                boolean marker = in[i].contains("expect:");
                assertThat(i < out.length && out[i].contains("expect:")).as("%s line %d", fixture, i + 1)
                        .isEqualTo(marker);
            }
        }
    }

    @Test
    void everyKindOfKotlinConstruct_readsAsJavaThatParses() throws Exception {
        Path everything = Path.of("src/test/resources/robustness/Everything.kt");
        String source = Files.readString(everything);
        List<String> warnings = new ArrayList<>();
        Fragment java = translator.translate(new Fragment("Everything.kt", source), warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(JavaView.parse("Everything.java", java.text()).problem() == null).isTrue();
        assertThat(java.text().split("\n", -1).length).isBetween(source.split("\n", -1).length - 1,
                source.split("\n", -1).length + 1);
        List<String> scanWarnings = new ArrayList<>();
        new Engine(RuleRegistry.load()).scanFragment(java, w -> scanWarnings.add(w.message()),
                Engine.Options.UNSUPPRESSED);
        assertThat(scanWarnings).isEmpty();
    }

    @Test
    void kotlinWithSyntaxErrors_isReadAsFarAsItParses_withOneWarning() throws Exception {
        Path broken = Path.of("src/test/resources/broken/Broken.kt");
        List<String> warnings = new ArrayList<>();
        Fragment java = translator.translate(new Fragment("src/Broken.kt", Files.readString(broken)), warnings::add);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("Kotlin does not parse at line 12");
        assertThat(JavaView.parse("Broken.java", java.text()).problem() == null).isTrue();
        List<Finding> findings = new Engine(RuleRegistry.load())
                .scanFragment(java, w -> { }, Engine.Options.UNSUPPRESSED).findings();
        assertThat(findings.size()).isEqualTo(1);
        assertThat(findings.get(0).location().startLine()).isEqualTo(9);
        assertThat(findings.get(0).location().path()).isEqualTo("src/Broken.kt");
        // the snippet is the Kotlin line (no 'new'), the key in it redacted
        assertThat(findings.get(0).snippet().strip().startsWith("StorageSharedKeyCredential(\"contosodata\", ")).isTrue();
    }

    @Test
    void aSecretWrittenWithKotlinEscapes_isRedactedInTheSnippet() {
        String password = "Xy7$q!Lp$9zR\"t#2"; // mi-scan:allow test value
        String kotlin = "import java.sql.DriverManager\n"
                + "fun connect() = DriverManager.getConnection(\n"
                + "    \"jdbc:sqlserver://contoso.database.windows.net:1433;database=orders\", \"app\", \""
                + password.replace("\"", "\\\"").replace("$", "\\$") + "\")\n";
        Fragment java = translator.translate(new Fragment("Db.kt", kotlin), w -> { });
        List<Finding> findings = new Engine(RuleRegistry.load())
                .scanFragment(java, w -> { }, Engine.Options.UNSUPPRESSED).findings();
        assertThat(findings.isEmpty()).isFalse();
        for (Finding f : findings) {
            assertThat(f.snippet().contains("q!Lp")).as("a piece of the password in the snippet").isFalse();
        }
    }

    @Test
    void inputThatCannotBeRead_isLeftAsItIs_withOneWarning() {
        String deep = "val x = " + "(".repeat(200_000) + "1" + ")".repeat(200_000);
        for (String text : List.of(deep, "\u0000\u0001 garbage }}}} fun (", "")) {
            List<String> warnings = new ArrayList<>();
            Fragment in = new Fragment("Odd.kt", text);
            Fragment out = translator.translate(in, warnings::add);
            assertThat(warnings.size()).isLessThanOrEqualTo(1);
            if (out == in) {
                assertThat(warnings).hasSize(1);
                assertThat(warnings.get(0)).startsWith("not read as Kotlin");
            }
        }
    }

    @Test
    void translationsFromSeveralThreadsAgreeWithOneThread() throws Exception {
        List<Path> fixtures = KotlinSyntaxOfFixturesTest.kotlinFixtures();
        List<String> sequential = new ArrayList<>();
        for (Path f : fixtures) {
            sequential.add(translator.translate(new Fragment(f.toString(), Files.readString(f)), w -> { }).text());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> parallel = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Path f : fixtures) {
                    parallel.add(pool.submit(() -> translator.translate(new Fragment(f.toString(), Files.readString(f)),
                            w -> { }).text()));
                }
            }
            for (int i = 0; i < parallel.size(); i++) {
                assertThat(parallel.get(i).get().equals(sequential.get(i % fixtures.size()))).as("translation %d", i)
                        .isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
