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

    private static final dev.miscan.core.parse.KeywordIndex KEYWORDS = new dev.miscan.core.parse.KeywordIndex(List.of("x"));

    /** The IaC view of a file as the engine builds it: with the scan's modules provided. */
    private static dev.miscan.core.parse.Document document(IacModules modules, String path, String text,
            List<String> warnings) {
        var doc = new dev.miscan.core.parse.Document(new Fragment(path, text), KEYWORDS, new int[1][],
                w -> warnings.add(w.message()));
        doc.provide(IacModules.VIEW, modules);
        return doc;
    }

    @Test
    void aModuleFileAndItsCallerAreParsedOnceForTheScanWithTheirProblemsStillReported() {
        String caller = "module \"s\" {\n  source = \"./modules/storage\"\n}\n";
        String module = "resource \"azurerm_storage_account\" \"s\" {\n  name = \n}\n";
        IacModules modules = new IacModules(List.of(entry("main.tf", caller),
                entry("modules/storage/main.tf", module), entry("other/main.tf", "variable \"v\" {}\n")));

        // once who calls whom is known, a module's file is parsed once, by whichever end comes first
        assertThat(modules.callers("modules/storage/main.tf")).hasSize(1);
        List<String> warnings = new ArrayList<>();
        var moduleDoc = document(modules, "modules/storage/main.tf", module, warnings);
        IacTemplate own = moduleDoc.view(IacView.TEMPLATE);
        assertThat(modules.sources("main.tf", "./modules/storage")).singleElement()
                .satisfies(s -> assertThat(s.template()).isSameAs(own));
        // the parse was shared, not taken from the other files: the file's findings are still its own text's
        assertThat(moduleDoc.usedProvidedViews()).isFalse();
        assertThat(warnings).singleElement().asString().startsWith("Terraform not fully parsed: ");

        var callerDoc = document(modules, "main.tf", caller, new ArrayList<>());
        assertThat(callerDoc.view(IacView.TEMPLATE))
                .isSameAs(modules.callers("modules/storage/main.tf").get(0).caller().template());

        // a file no call names, and not a caller, is parsed for its own scan only (and not kept)
        List<String> none = new ArrayList<>();
        IacTemplate alone = document(modules, "other/main.tf", "variable \"v\" {}\n", none).view(IacView.TEMPLATE);
        assertThat(modules.shared("other/main.tf", "variable \"v\" {}\n", new ArrayList<>())).isNull();
        assertThat(alone.parameters()).isNotEmpty();
    }

    @Test
    void aModuleFileACallAskedForFirstIsNotParsedAgainForItsOwnScan() {
        String module = "variable \"name\" {}\n";
        IacModules modules = new IacModules(List.of(entry("main.tf", "module \"m\" {\n  source = \"./m\"\n}\n"),
                entry("m/main.tf", module)));
        IacTemplate viaCall = modules.sources("main.tf", "./m").get(0).template();
        List<String> warnings = new ArrayList<>();
        assertThat(document(modules, "m/main.tf", module, warnings).view(IacView.TEMPLATE)).isSameAs(viaCall);
        assertThat(warnings).isEmpty();
        // the file changed on disk between the two reads: its own scan parses what it read
        assertThat(document(modules, "m/main.tf", module + "# more\n", warnings).view(IacView.TEMPLATE))
                .isNotSameAs(viaCall);
    }

    @Test
    void anotherTextOfAKeptPathIsParsedOnItsOwnAndTheScansEntryKeepsItsParse() {
        // a history holds several versions of one path: the modules follow the first, a later one is its own
        String first = "variable \"first\" {}\n";
        String later = "variable \"later\" {}\n";
        IacModules modules = new IacModules(List.of(entry("main.tf", "module \"m\" {\n  source = \"./m\"\n}\n"),
                entry("m/main.tf", first), entry("m/main.tf", later)));

        assertThat(modules.sources("main.tf", "./m")).hasSize(1); // a call asked first
        IacTemplate laterOwn = document(modules, "m/main.tf", later, new ArrayList<>()).view(IacView.TEMPLATE);
        assertThat(laterOwn.parameters()).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("later"));
        assertThat(modules.sources("main.tf", "./m")).singleElement().satisfies(s -> assertThat(s.template().parameters())
                .singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("first")));
        assertThat(modules.sources("main.tf", "./m").get(0).template()).isNotSameAs(laterOwn);
    }
}
