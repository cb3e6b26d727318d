package dev.miscan.core.source.archive;

import static dev.miscan.core.source.archive.ImageTarballs.config;
import static dev.miscan.core.source.archive.ImageTarballs.layer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.source.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a saved container image holds, as scan entries (no rules: what is read, and under which path). */
class ImageTarballTest {
    @TempDir
    Path dir;

    private final List<ScanWarning> warnings = new ArrayList<>();

    /** Path to text of every entry read from {@code file}, reported as {@code name}. */
    private Map<String, String> read(Path file, String name, ArchiveOptions options) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Source.Entry e : Artifacts.entries(file, name, options, 2L << 20, warnings::add)) {
            texts.put(e.path(), e.read().text());
        }
        return texts;
    }

    private Map<String, String> read(Path file) throws Exception {
        return read(file, file.getFileName().toString(), ArchiveOptions.DEFAULT);
    }

    private boolean warned(String path, String words) {
        return warnings.stream().anyMatch(w -> w.path().equals(path) && w.message().contains(words));
    }

    @Test
    void dockerSave_finalFilesAtTheirPath_replacedAndDeletedOnesUnderTheirLayer() throws Exception {
        ImageTarballs.Layer base = layer().dir("app").file("app/secret.env", "TOKEN=one\n")
                .file("app/config/application.yml", "level: base\n").file("etc/same.conf", "same\n");
        ImageTarballs.Layer top = layer().gzip().whiteout("app/secret.env")
                .file("app/config/application.yml", "level: top\n").file("etc/same.conf", "same\n");
        Map<String, String> entries = read(ImageTarballs.dockerSave(dir.resolve("image.tar"), config(), base, top));

        String history = "image.tar!/layers/1-" + ImageTarballs.shortId(base) + "!/";
        assertThat(entries).containsEntry("image.tar!/app/config/application.yml", "level: top\n")
                .containsEntry(history + "app/secret.env", "TOKEN=one\n")
                .containsEntry(history + "app/config/application.yml", "level: base\n")
                .containsEntry("image.tar!/etc/same.conf", "same\n")
                // the same content in two layers is scanned once, where it ends up
                .doesNotContainKey(history + "etc/same.conf")
                .doesNotContainKey("image.tar!/app/secret.env");
        assertThat(warned("image.tar", "2 files that later layers deleted or replaced are scanned")).isTrue();
        assertThat(warnings).noneMatch(w -> w.incomplete());
    }

    @Test
    void opaqueFolder_hidesWhatLowerLayersHeldThere_andAWhiteoutDeletesAFolder() throws Exception {
        ImageTarballs.Layer base = layer().file("opt/conf/a.properties", "a=1\n").file("opt/conf/b.properties", "b=1\n")
                .file("srv/data/x.txt", "x\n").file("srv/keep.txt", "keep\n").file("usr/share/k.txt", "k\n");
        ImageTarballs.Layer top = layer().opaque("opt/conf").file("opt/conf/b.properties", "b=2\n")
                .whiteout("srv/data").file("usr/share", "now a file\n");
        Map<String, String> entries = read(ImageTarballs.dockerSave(dir.resolve("image.tar"), config(), base, top));

        String history = "image.tar!/layers/1-" + ImageTarballs.shortId(base) + "!/";
        assertThat(entries.keySet()).containsExactlyInAnyOrder(
                "image.tar!/opt/conf/b.properties", "image.tar!/srv/keep.txt", "image.tar!/usr/share",
                history + "opt/conf/a.properties", history + "opt/conf/b.properties", history + "srv/data/x.txt",
                history + "usr/share/k.txt");
        assertThat(entries.get("image.tar!/opt/conf/b.properties")).isEqualTo("b=2\n");
    }

    @Test
    void imageConfig_envLabelsCommandAndHistory_areEntries() throws Exception {
        ImageTarballs.Config config = config()
                .env("PATH=/usr/local/sbin:/usr/bin", "GREETING= hello # there", "JAVA_OPTS=-Xmx1g")
                .label("org.opencontainers.image.source", "https://example.com/orders")
                .entrypoint("java", "-jar", "/app/app.jar").cmd("--spring.profiles.active=prod", "two words")
                .history("/bin/sh -c #(nop) ADD file:abc in / ")
                .history("/bin/sh -c #(nop)  ENV JAVA_OPTS=-Xmx1g OLD_SETTING=gone")
                .history("RUN |2 BUILD_TOKEN=t0ken OTHER=1 /bin/sh -c ./build.sh --token \"$BUILD_TOKEN\" # buildkit")
                .history("/bin/sh -c apt-get update");
        Map<String, String> entries = read(ImageTarballs.dockerSave(dir.resolve("image.tar"), config,
                layer().file("app/readme.txt", "hi\n")));

        assertThat(entries).containsEntry("image.tar!/config/Env.env",
                "PATH=/usr/local/sbin:/usr/bin\nGREETING=\" hello # there\"\nJAVA_OPTS=-Xmx1g\n");
        assertThat(entries).containsEntry("image.tar!/config/Labels.env",
                "org.opencontainers.image.source=https://example.com/orders\n");
        assertThat(entries).containsEntry("image.tar!/config/Cmd.sh",
                "java -jar /app/app.jar --spring.profiles.active=prod 'two words'\n");
        assertThat(entries).containsEntry("image.tar!/config/history.Dockerfile", """
                ADD file:abc in /
                ENV OLD_SETTING=gone
                ARG BUILD_TOKEN=t0ken
                ARG OTHER=1
                RUN ./build.sh --token "$BUILD_TOKEN"
                RUN apt-get update
                """);
    }

    @Test
    void shellFormCommand_isTheScriptItself() throws Exception {
        Map<String, String> entries = read(ImageTarballs.dockerSave(dir.resolve("image.tar"),
                config().cmd("/bin/sh", "-c", "exec java -jar app.jar --db-password \"$DB\""), layer()));
        assertThat(entries).containsEntry("image.tar!/config/Cmd.sh", "exec java -jar app.jar --db-password \"$DB\"\n");
    }

    @Test
    void jarInALayer_isOpenedAsAnArtifact() throws Exception {
        byte[] jar = ImageTarballs.jar(Map.of("BOOT-INF/classes/application.properties", "app.name=orders\n",
                "META-INF/maven/com.contoso/orders/pom.properties", "groupId=com.contoso\n"));
        Map<String, String> entries = read(ImageTarballs.dockerSave(dir.resolve("image.tar"), config(),
                layer().gzip().file("app/app.jar", jar)));
        assertThat(entries).containsEntry("image.tar!/app/app.jar!/BOOT-INF/classes/application.properties",
                "app.name=orders\n");
    }

    @Test
    void ociLayout_gzipTarball_isReadAsAnImage() throws Exception {
        ImageTarballs.Layer base = layer().gzip().file("app/old.properties", "x=1\n");
        ImageTarballs.Layer top = layer().whiteout("app/old.properties").file("app/new.properties", "y=2\n");
        Map<String, String> entries = read(ImageTarballs.ociLayout(dir.resolve("image.tar.gz"),
                config().env("MODE=oci"), base, top));
        assertThat(entries).containsEntry("image.tar.gz!/app/new.properties", "y=2\n")
                .containsEntry("image.tar.gz!/layers/1-" + ImageTarballs.shortId(base) + "!/app/old.properties",
                        "x=1\n")
                .containsEntry("image.tar.gz!/config/Env.env", "MODE=oci\n");
    }

    @Test
    void dockerSave25_manifestAndOciIndexBoth_isReadOnce() throws Exception {
        ImageTarballs.Layer base = layer().gzip().file("app/old.txt", "old\n");
        Map<String, String> entries = read(ImageTarballs.dockerSaveOci(dir.resolve("image.tar"), config().env("A=1"),
                base, layer().whiteout("app/old.txt").file("app/new.txt", "new\n")));
        assertThat(entries.keySet()).containsExactlyInAnyOrder("image.tar!/config/Env.env", "image.tar!/app/new.txt",
                "image.tar!/layers/1-" + ImageTarballs.shortId(base) + "!/app/old.txt");
    }

    @Test
    void ociIndexOfPlatforms_readsLinuxAmd64Only() throws Exception {
        Map<String, String> entries = read(ImageTarballs.ociMultiPlatform(dir.resolve("image.tar"),
                layer().file("app/arm64.txt", "arm\n"), layer().gzip().file("app/amd64.txt", "amd\n")));
        assertThat(entries.keySet()).containsExactly("image.tar!/app/amd64.txt");
    }

    @Test
    void severalImagesInOneTarball_eachUnderItsNumber_sharedFilesOnce() throws Exception {
        ImageTarballs.Layer shared = layer().file("etc/base.conf", "base\n");
        Path image = ImageTarballs.dockerSaveAll(dir.resolve("image.tar"), List.of(config(), config()),
                List.of(List.of(shared, layer().file("app/a.txt", "one\n")),
                        List.of(shared, layer().file("app/a.txt", "two\n"))));
        Map<String, String> entries = read(image);
        assertThat(entries).containsOnlyKeys("image.tar!/image-1!/etc/base.conf", "image.tar!/image-1!/app/a.txt",
                "image.tar!/image-2!/app/a.txt");
        assertThat(entries.get("image.tar!/image-2!/app/a.txt")).isEqualTo("two\n");
    }

    @Test
    void layerSavedOnceForTwoPlaces_isLinked_andAppliedAtBoth() throws Exception {
        // docker save links the second copy of a layer to the first: here the file deleted by layer 2 is back in 3
        ImageTarballs.Layer a = layer().file("app/f.txt", "f\n");
        ImageTarballs.Layer b = layer().whiteout("app/f.txt");
        byte[] config = config().json(List.of(a, b, a));
        Path image = dir.resolve("image.tar");
        Files.write(image, layer().file("aaa/layer.tar", a.tar()).file("bbb/layer.tar", b.tar())
                .symlink("ccc/layer.tar", "../aaa/layer.tar").file("config.json", config)
                .file("manifest.json", "[{\"Config\":\"config.json\",\"Layers\":[\"aaa/layer.tar\",\"bbb/layer.tar\","
                        + "\"ccc/layer.tar\"]}]").tar());
        assertThat(read(image)).containsOnlyKeys("image.tar!/app/f.txt");
        assertThat(warnings).isEmpty();
    }

    @Test
    void corruptLayer_isOneWarning_andTheOtherLayersAreRead() throws Exception {
        byte[] broken = ImageTarballs.gzip(ImageTarballs.tar(Map.of("app/a.txt",
                "a\n".getBytes(StandardCharsets.UTF_8))));
        broken = java.util.Arrays.copyOf(broken, broken.length / 2); // cut in the middle
        ImageTarballs.Layer bad = layer().raw(broken);
        Path image = ImageTarballs.dockerSave(dir.resolve("image.tar"), config(), layer().file("app/ok.txt", "ok\n"),
                bad);
        Map<String, String> entries = read(image);
        assertThat(entries).containsKey("image.tar!/app/ok.txt");
        assertThat(warnings.stream().filter(w -> w.message().contains("not a readable tar or gzip"))).hasSize(1)
                .allMatch(w -> w.path().startsWith("image.tar!/"));
    }

    @Test
    void garbageNamedTar_isOneWarning() throws Exception {
        Path file = dir.resolve("broken.tar");
        Files.write(file, "this is not a tar archive at all, only some text that goes on".repeat(20)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(read(file)).isEmpty();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).path()).isEqualTo("broken.tar");
    }

    @Test
    void truncatedTarball_keepsWhatCameBefore_andWarnsOnce() throws Exception {
        Path image = ImageTarballs.dockerSave(dir.resolve("image.tar"), config(),
                layer().file("app/a.txt", "a\n"));
        byte[] bytes = Files.readAllBytes(image);
        Files.write(image, java.util.Arrays.copyOf(bytes, 700)); // the first layer's header and a bit
        read(image);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).path()).isEqualTo("image.tar");
    }

    @Test
    void plainTar_isReadAsAnArchive_withANote() throws Exception {
        Path file = dir.resolve("release.tgz");
        Files.write(file, ImageTarballs.gzip(ImageTarballs.tar(Map.of("conf/app.properties",
                "a=1\n".getBytes(StandardCharsets.UTF_8), "bin/tool", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1}))));
        assertThat(read(file)).containsOnlyKeys("release.tgz!/conf/app.properties");
        assertThat(warned("release.tgz", "not a container image")).isTrue();
        assertThat(warned("release.tgz", "skipped 1 binary file")).isTrue();
    }

    @Test
    void absurdPathsAreLabels_andLinksAreSkipped() throws Exception {
        ImageTarballs.Layer l = layer().file("../../etc/app.conf", "a=1\n").file("/root/.azure/config", "b=2\n")
                .symlink("app/link.env", "/etc/shadow").hardlink("app/hard.env", "root/.azure/config");
        Map<String, String> entries = read(ImageTarballs.dockerSave(dir.resolve("image.tar"), config(), l));
        assertThat(entries.keySet()).containsExactlyInAnyOrder("image.tar!/etc/app.conf",
                "image.tar!/root/.azure/config");
        assertThat(Files.exists(dir.resolve("etc"))).isFalse();
    }

    @Test
    void whiteoutsNamingTheirOwnFolder_orNotRegularFiles_deleteNothing() throws Exception {
        ImageTarballs.Layer base = layer().file("app/x.txt", "x\n").file("app/y.txt", "y\n");
        ImageTarballs.Layer top = layer().file("app/.wh.", "").file("app/.wh..", "").file("app/.wh...", "")
                .dir("app/.wh.y.txt");
        Map<String, String> entries = read(ImageTarballs.dockerSave(dir.resolve("image.tar"), config(), base, top));
        assertThat(entries.keySet()).containsExactlyInAnyOrder("image.tar!/app/x.txt", "image.tar!/app/y.txt");
    }

    @Test
    void entryLimit_stopsWithAWarning() throws Exception {
        ImageTarballs.Layer l = layer();
        for (int i = 0; i < 30; i++) {
            l.file("app/f" + i + ".txt", "n=" + i + "\n");
        }
        Path image = ImageTarballs.dockerSave(dir.resolve("image.tar"), config(), l);
        Map<String, String> entries = read(image, "image.tar", new ArchiveOptions(true, false, 4, 10, 1L << 30, 200));
        assertThat(entries.size()).isLessThanOrEqualTo(10);
        assertThat(warnings).anyMatch(w -> w.message().contains("limit"));
    }

    @Test
    void gzipBombLayer_isStoppedByTheRatio() throws Exception {
        byte[] zeros = new byte[8 << 20];
        ImageTarballs.Layer bomb = layer().gzip().file("app/zeros.txt", zeros);
        Path image = ImageTarballs.dockerSave(dir.resolve("image.tar"), config(), layer().file("app/ok.txt", "ok\n"),
                bomb);
        Map<String, String> entries = read(image, "image.tar", new ArchiveOptions(true, false, 4, 1000, 1L << 30, 2));
        assertThat(entries).containsKey("image.tar!/app/ok.txt").doesNotContainKey("image.tar!/app/zeros.txt");
        assertThat(warnings).anyMatch(w -> w.message().contains("gzip bomb"));
    }
}
