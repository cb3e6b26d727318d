package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem with a file the user gave is one line that names the file and says what is wrong in plain words. */
class ClearMessagesTest {

    @Test
    void aBaselineThatIsNotUtf8IsNamedInsteadOfInputLength1(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(".mi-scan-baseline.json"), new byte[] {(byte) 0xff, (byte) 0xfe, '{'});

        CliRun r = run("scan", dir.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains(".mi-scan-baseline.json: not a mi-scan baseline (not UTF-8 text)")
                .doesNotContain("Input length");
    }

    @Test
    void anExistingHookThatIsNotUtf8IsNamedInsteadOfInputLength1(@TempDir Path dir) throws Exception {
        GitFixtures.initRepo(dir);
        Path hook = Files.createDirectories(dir.resolve(".git/hooks")).resolve("pre-commit");
        Files.write(hook, new byte[] {'#', '!', '/', 'b', 'i', 'n', '/', 's', 'h', '\n', (byte) 0xff, '\n'});

        CliRun r = run("install-hook", dir.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(r.err()).contains("cannot install the hook: not UTF-8 text").doesNotContain("Input length");
    }

    @Test
    void aReportForAMissingFolderSaysSoInsteadOfPrintingOnlyThePath(@TempDir Path dir) {
        Path report = dir.resolve("no-such-folder").resolve("report.json");

        CliRun scan = run("scan", "--format", "json", "--output", report.toString(), dir.toString());
        CliRun plan = run("plan", "--output", report.toString(), dir.toString());

        assertThat(scan.exitCode()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(scan.err()).contains("cannot write the report: " + report + ": no such file or directory");
        assertThat(plan.err()).contains("cannot write the plan: " + report + ": no such file or directory");
    }

    @Test
    void aConfigurationThatIsAFolderSaysSoInsteadOfIoException(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("settings.yml"));

        CliRun r = run("scan", "--config", dir.resolve("settings.yml").toString(), dir.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("settings.yml: cannot read (is a directory)");
    }
}
