package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line that breaks a parser and holds a password: the parsers name the input they stopped at (Jackson's
 * {@code Unrecognized token 'x'}, SnakeYAML's {@code found undefined alias x}, JavaParser's {@code Found "x"}, the
 * Bicep parser's {@code unexpected 'x'}), and no warning, in any format, may carry a piece of it. The password is
 * letters and punctuation only (no digit: the masking of key-like runs does not see it), random, made here.
 */
class ParserMessageSecretsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final String[] words = new String[3];
    private String password;

    @BeforeEach
    void files() throws IOException {
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                w.append((char) ((c % 2 == 0 ? 'A' : 'a') + RANDOM.nextInt(26)));
            }
            words[i] = w.toString();
        }
        password = words[0] + "!" + words[1] + "$" + words[2];
        Files.writeString(dir.resolve("appsettings.json"), "{\"Db\": {\"Password\": " + password + "}}\n");
        Files.writeString(dir.resolve("values.yaml"), "db:\n  password: *" + words[0] + "!" + words[1] + "\n");
        Files.writeString(dir.resolve("main.bicep"), "param adminPassword string = " + password + "\n");
        Files.writeString(dir.resolve("Client.java"), "class Client { void open() { new StorageSharedKeyCredential("
                + "\"contosodata\", key) " + password + "; } }\n");
        // a string that never ends: JavaParser's lexical error quotes the rest of the file
        Files.writeString(dir.resolve("Unterminated.java"), "class Unterminated { void open() {\n"
                + "    new StorageSharedKeyCredential(\"contosodata\", \"" + password + ");\n} }\n");
        Files.writeString(dir.resolve("main.tf"), "resource \"x\" \"y\" {\n  password = " + password + "\n}\n");
    }

    @Test
    void aBrokenLineWithAPassword_isWarnedAboutWithoutAnyPieceOfIt() {
        for (List<String> format : List.of(List.of("text"), List.of("json"), List.of("sarif"))) {
            CliRun r = run("scan", dir.toString(), "--format", format.get(0), "--no-color", "--fail-on", "none");
            String all = r.out() + r.err();
            for (String word : words) {
                assertThat(all).as("a piece of the password in the %s report", format.get(0))
                        .doesNotContain(word).doesNotContain(word.substring(0, 5)).doesNotContain(word.substring(5));
            }
            if (format.get(0).equals("text")) {
                // each file still says what went wrong, and where
                assertThat(all).contains("appsettings.json: JSON does not parse (Unrecognized token '…'")
                        .contains("values.yaml: YAML does not parse (found undefined alias …)")
                        .contains("main.bicep: Bicep not fully parsed: unexpected '…'")
                        .contains("Client.java: Java does not parse: line 1: Parse error. Found  \"…\"")
                        .contains("Unterminated.java: Java does not parse: Lexical error")
                        .contains("main.tf: Terraform not fully parsed: unexpected '!', line 2");
            }
        }
    }
}
