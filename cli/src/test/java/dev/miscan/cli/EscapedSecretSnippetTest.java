package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret the file writes with its syntax's escapes (a shell's {@code \$}) is masked in the snippet as a whole: the
 * characters before the escape are not shown past the preview's four.
 */
class EscapedSecretSnippetTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path dir;

    private static String random(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    @Test
    void aShellEscapedPasswordShowsNoMoreThanItsPreview() throws IOException {
        String before = random(7);
        String after = random(8);
        // the password is before + "$" + after; the script writes it with the shell's escape
        Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\nsqlcmd -S contoso.database.windows.net -U admin -P \""
                + before + "\\$" + after + "\"\n");
        CliRun r = CliRun.run("scan", "--format", "json", "--fail-on", "none", dir.toString());
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
        assertThat(findings).hasSize(1);
        String snippet = findings.get(0).get("snippet").asText();
        assertThat(findings.get(0).get("ruleId").asText()).isEqualTo("MI-SQL-JDBC-PASSWORD");
        assertThat(snippet.contains(before.substring(0, 5))).as("more than the preview's characters shown").isFalse();
        assertThat(snippet.contains(after.substring(0, 5)) || snippet.contains(after.substring(3))).isFalse();
        assertThat(r.out().contains(before.substring(0, 5)) || r.err().contains(before.substring(0, 5))).isFalse();
    }
}
