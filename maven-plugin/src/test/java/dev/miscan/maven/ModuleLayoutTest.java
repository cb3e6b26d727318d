package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleLayoutTest {
    @TempDir
    Path root;

    @Test
    void nestedModulesAndOutsideBuildDirectories_areExcludedOnce() throws IOException {
        Files.createDirectories(root.resolve("core"));
        Files.createDirectories(root.resolve("apps/web"));
        Files.writeString(root.resolve("apps/web/pom-web.xml"), "<project/>");
        List<String> excludes = ModuleLayout.excludes(root,
                List.of("core", "apps/web/pom-web.xml", "../sibling"),
                List.of(root, root.resolve("core"), root.resolve("core/sub"), root.resolve("apps/web"),
                        root.getParent().resolve("sibling")),
                List.of(root.resolve("out"), root.resolve("target")));

        assertThat(excludes).containsExactly("/apps/web/", "/core/", "/out/", "/target/");
    }

    @Test
    void aModuleWithoutChildren_excludesOnlyItsBuildDirectory() {
        assertThat(ModuleLayout.excludes(root, List.of(), List.of(root), List.of(root.resolve("target"))))
                .containsExactly("/target/");
    }

    @Test
    void anOutputDirectoryOutsideTheModule_isNotAnExclude() {
        assertThat(ModuleLayout.excludes(root.resolve("m"), List.of(), List.of(), List.of(root.resolve("reports"))))
                .isEmpty();
    }

    @Test
    void gitignoreSpecialCharacters_areEscaped() {
        assertThat(ModuleLayout.anchored("odd[1]/a*b?")).isEqualTo("/odd\\[1\\]/a\\*b\\?/");
    }
}
