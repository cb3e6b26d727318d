package dev.miscan.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledYamlTest {
    @TempDir
    Path dir;

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = CompiledYamlTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** The same data, maps in the same order (what a reader of the document may rely on). */
    private static boolean same(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.equals(y) && same(new java.util.ArrayList<>(x.keySet()), new java.util.ArrayList<>(y.keySet()))
                    && same(new java.util.ArrayList<>(x.values()), new java.util.ArrayList<>(y.values()));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b) && (a == null || a.getClass() == b.getClass());
    }

    private Path write(String name, byte[] text) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, text);
        return p;
    }

    @Test
    void theBuildStepWritesEachFilesDocument_andItIsReadBackTheSame() throws Exception {
        for (String name : List.of("azure-services.yml", "azure-sdk-boms.yml", "/dev/miscan/core/testing/test-rules.yml")) {
            byte[] text = resource(name);
            Path yaml = write(name.substring(name.lastIndexOf('/') + 1), text);
            CompiledYaml.main(new String[] {yaml.toString()});
            assertThat(yaml.resolveSibling(yaml.getFileName() + CompiledYaml.SUFFIX)).exists();
            Object read = CompiledYaml.read(yaml.toUri().toURL(), text);
            assertThat(read).as(name).isNotNull();
            assertThat(same(read, CompiledYaml.parse(text))).as(name).isTrue();
            assertThat(same(CompiledYaml.load(yaml.toUri().toURL()), CompiledYaml.parse(text))).as(name).isTrue();
        }
    }

    @Test
    void aSecondBuild_leavesAnUnchangedCompiledFileAlone() throws Exception {
        Path yaml = write("rules.yml", "- id: A\n".getBytes(StandardCharsets.UTF_8));
        CompiledYaml.main(new String[] {yaml.toString()});
        Path compiled = yaml.resolveSibling("rules.yml" + CompiledYaml.SUFFIX);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(compiled, old);
        CompiledYaml.main(new String[] {yaml.toString()});
        assertThat(Files.getLastModifiedTime(compiled)).isEqualTo(old);
        Files.writeString(yaml, "- id: B\n");
        CompiledYaml.main(new String[] {yaml.toString()});
        assertThat(Files.getLastModifiedTime(compiled)).isNotEqualTo(old);
    }

    @Test
    void everyKindOfValueInADataFile_roundTrips() throws Exception {
        byte[] text = ("a: text\nb: 42\nc: 12345678901\nd: 2.5\ne: true\nf: false\ng: ~\nh: [1, two, {x: y}]\n"
                + "i: 123456789012345678901234567890\n\"7\": ünïcode ✓\nnested: {k: [[], {}]}\n")
                .getBytes(StandardCharsets.UTF_8);
        Path yaml = write("all.yml", text);
        CompiledYaml.main(new String[] {yaml.toString()});
        assertThat(same(CompiledYaml.read(yaml.toUri().toURL(), text), CompiledYaml.parse(text))).isTrue();
    }

    @Test
    void aValueNoDataFileHolds_failsTheBuild() throws Exception {
        Path yaml = write("set.yml", "s: !!set {a, b}\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CompiledYaml.main(new String[] {yaml.toString()}))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("cannot write");
    }

    @Test
    void withoutACompiledFile_theYamlIsParsed() throws Exception {
        byte[] text = resource("azure-sdk-boms.yml");
        URL url = write("boms.yml", text).toUri().toURL();
        assertThat(CompiledYaml.read(url, text)).isNull();
        assertThat(same(CompiledYaml.load(url), CompiledYaml.parse(text))).isTrue();
    }

    @Test
    void aCompiledFileOfAnotherText_isNotUsed() throws Exception {
        Path yaml = write("rules.yml", "- id: A\n- id: B\n".getBytes(StandardCharsets.UTF_8));
        CompiledYaml.main(new String[] {yaml.toString()});
        byte[] edited = "- id: A\n".getBytes(StandardCharsets.UTF_8);
        Files.write(yaml, edited);
        assertThat(CompiledYaml.read(yaml.toUri().toURL(), edited)).isNull();
        assertThat(CompiledYaml.load(yaml.toUri().toURL())).isEqualTo(List.of(Map.of("id", "A")));
    }

    @Test
    void aTruncatedOrDamagedCompiledFile_isNotUsed() throws Exception {
        byte[] text = resource("azure-sdk-boms.yml");
        Path yaml = write("boms.yml", text);
        CompiledYaml.main(new String[] {yaml.toString()});
        Path compiled = yaml.resolveSibling("boms.yml" + CompiledYaml.SUFFIX);
        byte[] good = Files.readAllBytes(compiled);
        URL url = yaml.toUri().toURL();
        for (int cut : new int[] {0, 3, 20, good.length / 2, good.length - 1}) {
            Files.write(compiled, Arrays.copyOf(good, cut));
            assertThat(CompiledYaml.read(url, text)).as("cut at %d", cut).isNull();
        }
        Files.write(compiled, Arrays.copyOf(good, good.length + 1));
        assertThat(CompiledYaml.read(url, text)).isNull();
        for (int at : new int[] {0, 8, good.length / 3, good.length / 2, good.length - 9, good.length - 1}) {
            byte[] damaged = good.clone();
            damaged[at] ^= 0x10;
            Files.write(compiled, damaged);
            assertThat(CompiledYaml.read(url, text)).as("damaged at %d", at).isNull();
        }
        assertThat(same(CompiledYaml.load(url), CompiledYaml.parse(text))).isTrue();
    }

    @Test
    void thisModulesDataFiles_areCompiledByItsBuild() throws Exception {
        // scanner-core's build compiles its data files (process-classes) before its tests run
        for (String name : List.of("azure-services.yml", "azure-sdk-boms.yml")) {
            URL url = AzureCatalogue.class.getResource(name);
            assertThat(AzureCatalogue.class.getResource(name + CompiledYaml.SUFFIX)).as(name).isNotNull();
            byte[] text = resource(name);
            assertThat(same(CompiledYaml.read(url, text), CompiledYaml.parse(text))).as(name).isTrue();
        }
    }
}
