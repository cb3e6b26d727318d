package dev.miscan.kotlin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jetbrains.kotlin.com.intellij.psi.PsiErrorElement;
import org.jetbrains.kotlin.com.intellij.psi.util.PsiTreeUtil;
import org.jetbrains.kotlin.psi.KtFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Kotlin fixture is Kotlin: the compiler's parser finds no syntax error in it (a fixture must test Kotlin). */
class KotlinSyntaxOfFixturesTest {

    static List<Path> kotlinFixtures() throws Exception {
        try (Stream<Path> files = Files.walk(KotlinFixturesTest.ROOT)) {
            return files.filter(p -> p.toString().endsWith(".kt") || p.toString().endsWith(".kts")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kotlinFixtures")
    void parsesWithoutErrors(Path fixture) throws Exception {
        List<Integer> errorLines = KotlinPsi.withFile(fixture.getFileName().toString(), Files.readString(fixture),
                file -> PsiTreeUtil.collectElementsOfType(file, PsiErrorElement.class).stream()
                        .map(e -> 1 + (int) file.getText().substring(0, e.getTextRange().getStartOffset()).chars()
                                .filter(c -> c == '\n').count())
                        .toList());
        assertThat(errorLines).as("lines with Kotlin syntax errors").isEmpty();
    }
}
