package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code fix} never does: write outside the tree, through a link, or stop half-way. */
class FixSafetyTest {

    private static String setting() {
        byte[] b = new byte[64];
        new SecureRandom().nextBytes(b);
        return "spring.cloud.azure.storage.blob.connection-string=DefaultEndpointsProtocol=https;AccountName=contosodata;"
                + "AccountKey=" + Base64.getEncoder().encodeToString(b) + ";EndpointSuffix=core.windows.net\n";
    }

    @Test
    void aFileNamedWithABackslashIsOneFileInItsFolderNeverAWayOut(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path victim = dir.resolve("victim.properties");
        Files.writeString(victim, "untouched=true\n" + setting());
        Files.writeString(tree.resolve("..\\victim.properties"), setting());

        CliRun fix = run("fix", tree.toString(), "--force");

        // booleans, so that a failure never prints a key
        String outside = Files.readString(victim);
        assertThat(outside.startsWith("untouched=true\n") && outside.contains("AccountKey=")).as("outside untouched")
                .isTrue();
        assertThat(Files.readString(tree.resolve("..\\victim.properties")).contains("AccountKey=")).as("key left")
                .isFalse();
        assertThat(fix.out()).contains("a/..\\victim.properties");
    }

    @Test
    void aFileThatCannotBeFixedIsLeftAsItWasAndTheOthersAreStillFixed(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        byte[] latin1 = ("# caf\u00e9\n" + setting()).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(tree.resolve("a.properties"), latin1);
        Files.writeString(tree.resolve("b.properties"), setting());

        CliRun fix = run("fix", tree.toString(), "--force");

        assertThat(fix.exitCode()).as(fix.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(fix.err()).contains("a.properties: not fixed: not UTF-8 text");
        assertThat(java.util.Arrays.equals(Files.readAllBytes(tree.resolve("a.properties")), latin1))
                .as("the Latin-1 file is untouched").isTrue();
        assertThat(Files.readString(tree.resolve("b.properties")).contains("AccountKey=")).as("key left").isFalse();
        assertThat(fix.out()).contains("1 file(s) could not be fixed");
    }

    @Test
    void aUtf16LocalSettingsFileOrAReadOnlyFileIsLeftAsItWasAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        String json = "{\n  \"IsEncrypted\": false,\n  \"Values\": {\n    \"AzureWebJobsStorage\": \""
                + setting().substring(setting().indexOf('=') + 1).strip() + "\"\n  }\n}\n";
        byte[] utf16 = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_16LE);
        Files.write(tree.resolve("local.settings.json"), utf16);
        Path readOnly = tree.resolve("c.properties");
        Files.writeString(readOnly, setting());
        byte[] readOnlyBytes = Files.readAllBytes(readOnly);
        boolean canMakeReadOnly = readOnly.toFile().setWritable(false, false) && !Files.isWritable(readOnly);
        Files.writeString(tree.resolve("b.properties"), setting());

        CliRun scan = run("scan", "--format", "json", tree.toString());
        CliRun fix = run("fix", tree.toString(), "--force");

        assertThat(scan.out()).as("the UTF-16 file's key is found").contains("local.settings.json");
        assertThat(fix.exitCode()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(fix.err()).contains("local.settings.json: not fixed");
        assertThat(java.util.Arrays.equals(Files.readAllBytes(tree.resolve("local.settings.json")), utf16))
                .as("the UTF-16 file is untouched").isTrue();
        if (canMakeReadOnly) { // not as root, who writes whatever the mode says
            assertThat(fix.err()).contains("c.properties: not fixed: not writable");
            assertThat(java.util.Arrays.equals(Files.readAllBytes(readOnly), readOnlyBytes)).as("read-only untouched")
                    .isTrue();
        }
        assertThat(Files.readString(tree.resolve("b.properties")).contains("AccountKey=")).as("key left").isFalse();
    }

    @Test
    void aFileNamedWithABackslashIsReportedWithItsBackslash(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a\\b.properties"), setting());

        CliRun json = run("scan", "--format", "json", tree.toString());
        CliRun text = run("scan", "--no-color", tree.toString());

        assertThat(json.out()).contains("\"a\\\\b.properties\"").doesNotContain("a/b.properties");
        assertThat(text.out()).contains("a\\b.properties:").doesNotContain("a/b.properties");
    }

    @Test
    void aLinkOrAPathOutsideTheTreeIsNeverATarget(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path outside = Files.writeString(dir.resolve("outside.properties"), "x=1\n");
        Path link = Files.createSymbolicLink(tree.resolve("link.properties"), outside);
        Path inside = Files.writeString(tree.resolve("in.properties"), "x=1\n");
        Path real = tree.toRealPath();

        assertThat(dev.miscan.core.session.FixRun.unsafeTarget(real, tree, link)).isEqualTo("a symbolic link");
        assertThat(dev.miscan.core.session.FixRun.unsafeTarget(real, tree, tree.resolve("../outside.properties")))
                .isEqualTo("outside the scanned tree");
        assertThat(dev.miscan.core.session.FixRun.unsafeTarget(real, tree, inside)).isNull();
    }

    @Test
    void aGitStatusThatCannotBeReadRefusesTheFixInsteadOfAssumingClean(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path settings = repo.resolve("app.properties");
        String text = setting();
        Files.writeString(settings, text);
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern("app.properties").call();
            git.commit().setMessage("add").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
        }
        Files.write(repo.resolve(".git/index"), "DIRC not an index".getBytes(StandardCharsets.US_ASCII));

        CliRun fix = run("fix", repo.toString());

        assertThat(fix.err()).contains("app.properties: its git status cannot be read");
        assertThat(Files.readString(settings).equals(text)).as("the file is untouched").isTrue();
    }

    @Test
    void eachLineKeepsItsOwnEnding(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path file = tree.resolve("app.properties");
        Files.writeString(file, "a=1\r\nb=2\n" + setting().replace("\n", "\r\n") + "c=3\n");

        CliRun fix = run("fix", tree.toString(), "--force");

        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        String after = Files.readString(file);
        assertThat(after.startsWith("a=1\r\nb=2\n") && after.endsWith("\r\nc=3\n")).as("endings kept").isTrue();
        assertThat(after.contains("AccountKey=")).as("key left").isFalse();
        assertThat(after.replace("\r\n", "").contains("\r")).as("a lone CR").isFalse();
        assertThat(fix.out()).doesNotContain("\\x0d");
    }

    @Test
    void baselineAndInitNeverWriteThroughACommittedLinkNorWhereTheConfigurationPointsOutside(@TempDir Path dir)
            throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path target = Files.writeString(dir.resolve("bashrc"), "original\n");
        Files.writeString(tree.resolve("app.properties"), setting());
        Files.createSymbolicLink(tree.resolve(".mi-scan-baseline.json"), target);
        Path tree2 = Files.createDirectories(dir.resolve("tree2"));
        Files.createSymbolicLink(tree2.resolve(".mi-scan.yml"), target);

        CliRun baseline = run("baseline", "create", tree.toString(), "--force");
        CliRun init = run("init", tree2.toString(), "--force");

        assertThat(Files.readString(target)).isEqualTo("original\n");
        assertThat(baseline.exitCode()).as(baseline.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(baseline.err()).contains("symbolic link");
        assertThat(init.exitCode()).as(init.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());

        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("app.properties"), setting());
        Files.writeString(other.resolve(".mi-scan.yml"), "baseline: ../stolen.json\n");
        CliRun outside = run("baseline", "create", other.toString());
        assertThat(outside.exitCode()).as(outside.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(outside.err()).contains("outside the configuration's folder");
        assertThat(dir.resolve("stolen.json")).doesNotExist();
    }

    @Test
    void twoFixRunsOnOneTreeNeverInterleave(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        String text = setting();
        Files.writeString(tree.resolve("app.properties"), text);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dev.miscan.core.session.FixRun.lockFile(tree),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock held = channel.lock()) {
            CliRun second = run("fix", tree.toString(), "--force");

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
            assertThat(second.err()).contains("another 'mi-scan fix' is changing");
            assertThat(Files.readString(tree.resolve("app.properties")).equals(text)).as("untouched").isTrue();
        }
        CliRun after = run("fix", tree.toString(), "--force");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(tree.toFile().list()).containsExactly("app.properties"); // no lock file in the tree
    }
}
