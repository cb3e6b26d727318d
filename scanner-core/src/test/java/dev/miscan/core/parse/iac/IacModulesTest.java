package dev.miscan.core.parse.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IacModulesTest {

    private static Source.Entry entry(String path, String text) {
        return new Source.Entry() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public Fragment read() {
                return new Fragment(path, text);
            }
        };
    }

    private static List<String> paths(List<IacModules.Source> sources) {
        return sources.stream().map(IacModules.Source::path).toList();
    }

    @Test
    void aTerraformSourceDeploysTheTfFilesOfItsFolderOnlyInTheOrderOfTheScan() {
        IacModules modules = new IacModules(List.of(
                entry("main.tf", "module \"s\" {\n  source = \"./modules/storage\"\n}\n"),
                entry("modules/storage/variables.tf", "variable \"name\" {}\n"),
                entry("modules/storage/nested/other.tf", "variable \"x\" {}\n"),
                entry("modules/storage/README.md", "# storage\n"),
                entry("modules/storage/main.tf", "resource \"azurerm_storage_account\" \"s\" {}\n"),
                entry("modules/storage2/main.tf", "variable \"y\" {}\n")));

        assertThat(paths(modules.sources("main.tf", "./modules/storage")))
                .containsExactly("modules/storage/variables.tf", "modules/storage/main.tf");
        assertThat(paths(modules.sources("modules/storage/main.tf", "../storage2")))
                .containsExactly("modules/storage2/main.tf");
        assertThat(paths(modules.sources("modules/storage/main.tf", "../..")))
                .containsExactly("main.tf");
        assertThat(modules.sources("main.tf", "./modules")).isEmpty();
        assertThat(modules.sources("main.tf", "../outside")).isEmpty();
        assertThat(modules.callers("modules/storage/main.tf")).singleElement()
                .satisfies(c -> assertThat(c.caller().path()).isEqualTo("main.tf"));
    }

    @Test
    void aFolderOfManyTfFilesIsFollowedForItsFirstSixtyFourOnly() {
        List<Source.Entry> entries = new ArrayList<>();
        entries.add(entry("main.tf", "module \"big\" {\n  source = \"./big\"\n}\n"));
        for (int i = 0; i < 100; i++) {
            entries.add(entry("big/f" + i + ".tf", "variable \"v" + i + "\" {}\n"));
        }
        IacModules modules = new IacModules(entries);

        List<String> followed = paths(modules.sources("main.tf", "./big"));
        assertThat(followed).hasSize(64);
        assertThat(followed.get(0)).isEqualTo("big/f0.tf");
        assertThat(followed.get(63)).isEqualTo("big/f63.tf");
    }
}
