package dev.miscan.cli;
// mi-scan:allow-file test data: hostile inputs with generated storage keys

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a tree full of hostile files, with the real rules: it finishes, reports every
 * credential in the files it can read (hostile ones included, where they can be read), prints one warning
 * line per file it could not scan fully, and exits by the findings, or 3 with {@code --strict}. Keys are
 * generated here; the secret never appears in the output.
 */
class HostileInputCliTest {
    private static final Duration GUARD = Duration.ofSeconds(180);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern X_RUN = Pattern.compile("(?i)x{3,}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path tree;
    private Path outside;
    private final List<String> keys = new ArrayList<>();
    /** Path → reason expected in its one warning line. */
    private final Map<String, String> warned = new TreeMap<>();
    /** Paths that must have a finding. */
    private final List<String> found = new ArrayList<>();

    private String connectionString() {
        while (true) {
            byte[] b = new byte[64];
            RANDOM.nextBytes(b);
            String key = Base64.getEncoder().encodeToString(b);
            if (!X_RUN.matcher(key).find()) {
                keys.add(key);
                return "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=" + key
                        + ";EndpointSuffix=core.windows.net";
            }
        }
    }

    private Path write(String path, String text) throws IOException {
        Path p = tree.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path write(String path, byte[] bytes) throws IOException {
        Path p = tree.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    @BeforeEach
    void hostileTree() throws IOException, InterruptedException {
        tree = Files.createDirectories(dir.resolve("tree"));
        outside = Files.createDirectories(dir.resolve("outside"));

        write("good/application.properties", "app.storage=" + connectionString() + "\n");
        found.add("good/application.properties");

        // binary file with a text extension
        byte[] binary = new byte[2048];
        RANDOM.nextBytes(binary);
        binary[0] = 0; // random bytes may open with a byte-order mark (FF FE: UTF-16 text), 1 run in 32,768
        binary[10] = 0;
        write("assets/logo.properties", binary); // binary: left out silently

        // 200 MB, sparse: skipped by the size cap without being read
        try (RandomAccessFile f = new RandomAccessFile(tree.resolve("dump.yaml").toFile(), "rw")) {
            f.write("a: b\n".repeat(2000).getBytes(StandardCharsets.US_ASCII)); // text: its first bytes are read
            f.setLength(200L * 1024 * 1024);
        }
        warned.put("dump.yaml", "over the 2097152-byte limit");

        // invalid UTF-8, still scanned
        byte[] head = {'#', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'};
        byte[] body = ("STORAGE=" + connectionString() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] env = new byte[head.length + body.length];
        System.arraycopy(head, 0, env, 0, head.length);
        System.arraycopy(body, 0, env, head.length, body.length);
        write("deploy/.env", env);
        warned.put("deploy/.env", "not valid UTF-8");
        found.add("deploy/.env");

        // UTF-16 with a byte order mark
        byte[] utf16 = ("{\r\n  \"Values\": {\r\n    \"Storage\": \"" + connectionString() + "\"\r\n  }\r\n}\r\n")
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] bom = new byte[utf16.length + 2];
        bom[0] = (byte) 0xFF;
        bom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, bom, 2, utf16.length);
        write("functions/local.settings.json", bom);
        found.add("functions/local.settings.json");

        // YAML alias bomb and 10,000-deep nesting; JSON 100,000 deep
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(8))
                    .append('*').append((char) (c - 1)).append("]\n");
        }
        bomb.append("storage: \"").append(connectionString()).append("\"\n");
        write("k8s/bomb.yaml", bomb.toString());
        warned.put("k8s/bomb.yaml", "YAML does not parse");
        found.add("k8s/bomb.yaml");
        write("k8s/deep.yaml", "# password: see the vault\n" + "- ".repeat(10_000) + "x\n");
        warned.put("k8s/deep.yaml", "YAML does not parse");
        write("arm/deep.json", "{\"key\": \"" + connectionString() + "\", \"a\": " + "[".repeat(100_000)
                + "]".repeat(100_000) + "}");
        warned.put("arm/deep.json", "JSON does not parse");
        found.add("arm/deep.json");

        // sources that do not parse: the plain-text rules still run
        write("src/Broken.java", "package x; public class Broken { String s = \"" + connectionString()
                + "\"; void f( { }}}} <<<>>> @@@ \"unterminated\n");
        found.add("src/Broken.java");
        write("infra/main.bicep", "param storage string = '" + connectionString()
                + "'\nresource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'x'\n  properties: {\n    ");
        found.add("infra/main.bicep");
        write("infra/main.tf", "resource \"azurerm_app_service\" \"a\" {\n  app_settings = {\n    STORAGE = \""
                + connectionString() + "\"\n    OTHER = \"");
        found.add("infra/main.tf");

        // lines that used to cost the square of their length (keyword occurrences in a row)
        write("pathological/jdbc.properties", "url=" + "jdbc:".repeat(400_000) + "\n");
        write("pathological/sas.txt", "&sig=".repeat(400_000) + "\n");
        warned.put("pathological/jdbc.properties", "occurs 400000 times");
        warned.put("pathological/sas.txt", "occurs 400000 times");

        // symbolic links: a loop, and one out of the tree (to a file with a key): neither is followed
        Files.writeString(outside.resolve("leak.properties"), "s=" + connectionString() + "\n");
        Files.createDirectories(tree.resolve("links"));
        Files.createSymbolicLink(tree.resolve("links/loop"), tree);
        Files.createSymbolicLink(tree.resolve("links/outside"), outside);
        warned.put("links/loop", "symbolic link, not followed");
        warned.put("links/outside", "symbolic link, not followed");

        // a named pipe: opening it would wait for a writer forever
        Process p = new ProcessBuilder("mkfifo", tree.resolve("pipe.env").toString()).start();
        if (p.waitFor() == 0) {
            warned.put("pipe.env", "not a regular file");
        }

        // spaces and non-ASCII characters in the path
        write("config files/dépôt ключ/app settings.properties", "storage=" + connectionString() + "\n");
        found.add("config files/dépôt ключ/app settings.properties");
    }

    private CliRun scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", tree.toString(), "--format", "json", "--no-color"));
        args.addAll(List.of(extra));
        CliRun r = assertTimeoutPreemptively(GUARD, () -> run(args.toArray(String[]::new)));
        for (String key : keys) {
            assertThat(r.out() + r.err()).as("a secret was printed").doesNotContain(key);
        }
        return r;
    }

    private static List<String> warningLines(CliRun r) {
        return r.err().lines().filter(l -> l.startsWith("mi-scan: warning: ")).toList();
    }

    @Test
    void everyHostileFileIsAOneLineWarning_andEveryReadableCredentialIsFound() throws IOException {
        CliRun r = scan();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS.code());
        JsonNode report = JSON.readTree(r.out());
        List<String> paths = StreamSupport.stream(report.get("findings").spliterator(), false)
                .map(f -> f.get("path").asText()).toList();
        assertThat(paths).as(r.toString()).containsAll(found);
        assertThat(paths).noneMatch(path -> path.startsWith("links/") || path.contains("leak"));

        List<String> lines = warningLines(r);
        warned.forEach((path, reason) -> assertThat(lines)
                .as("one warning line for %s with '%s' in\n%s", path, reason, r.err())
                .filteredOn(l -> l.startsWith("mi-scan: warning: " + path + ": "))
                .hasSize(1).allMatch(l -> l.contains(reason)));
        assertThat(r.err()).doesNotContain("Exception\n").doesNotContain("\tat ");
        assertThat(lines).as("a binary file is no warning").noneMatch(l -> l.contains("assets/logo.properties"));
        assertThat(report.get("summary").get("filesBinary").asInt()).isEqualTo(1);
    }

    @Test
    void strict_makesAnyWarningExitThree() {
        CliRun strict = scan("--strict");
        CliRun strictNoFail = scan("--strict", "--fail-on", "none");
        CliRun lenient = scan("--fail-on", "none");

        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(strict.err()).contains("--strict");
        assertThat(strictNoFail.exitCode()).as(strictNoFail.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(lenient.exitCode()).as(lenient.toString()).isEqualTo(ExitCode.CLEAN.code());
    }

    @Test
    void strict_onACleanCompleteScan_letsTheFindingsDecide() throws IOException {
        Path clean = Files.createDirectories(dir.resolve("clean"));
        Files.writeString(clean.resolve("application.properties"), "spring.application.name=demo\n");

        CliRun r = assertTimeoutPreemptively(GUARD, () -> run("scan", clean.toString(), "--strict", "--format", "json"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.CLEAN.code());
        assertThat(warningLines(r)).isEmpty();
    }

    @Test
    void fiftyMegabyteSingleLine_isScannedWithARaisedCap() throws IOException {
        Path big = Files.createDirectories(dir.resolve("big"));
        String cs = connectionString();
        try (Writer w = Files.newBufferedWriter(big.resolve("bundle.min.js"), StandardCharsets.US_ASCII)) {
            StringBuilder chunk = new StringBuilder(1 << 20);
            while (chunk.length() < 1 << 20) {
                chunk.append("var a=\"key token secret password\";function f(){return a+1};");
            }
            for (int i = 0; i < 50; i++) {
                w.write(chunk.toString());
            }
            w.write("var s=\"" + cs + "\";\n");
        }

        CliRun r = assertTimeoutPreemptively(GUARD, () -> run("scan", big.toString(), "--max-file-size", "64m",
                "--format", "json"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(r.out()).contains("bundle.min.js").contains("MI-STORAGE-CONNSTR");
        assertThat(r.out()).doesNotContain(keys.get(keys.size() - 1));
    }

    @Test
    void sarifUriOfANonAsciiPathWithSpaces_isAValidUriThatDecodesToThePath() throws IOException {
        CliRun r = assertTimeoutPreemptively(GUARD, () -> run("scan", tree.toString(), "--format", "sarif"));

        JsonNode sarif = JSON.readTree(r.out());
        List<String> uris = new ArrayList<>();
        sarif.get("runs").get(0).get("results").forEach(res -> uris.add(res.get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText()));
        String encoded = uris.stream().filter(u -> u.startsWith("config%20files/")).findFirst().orElseThrow();
        assertThat(URI.create(encoded).getPath()).isEqualTo("config files/dépôt ключ/app settings.properties");
    }
}
