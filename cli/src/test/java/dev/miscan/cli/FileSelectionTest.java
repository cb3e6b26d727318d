package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static dev.miscan.cli.GitFixtures.check;
import static dev.miscan.cli.GitFixtures.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scan of a working tree reads and how it names it (issue 17, parts 2 and 3): binary files are left out
 * silently and counted, a Helm chart is scanned without a warning, {@code --strict} fails only on a text file
 * that could not be read; files are selected as git sees them and reported relative to the repository root,
 * whatever the working directory, so that SARIF, fingerprints and baselines do not depend on where the scan ran.
 * Real repositories made with the git executable (the tests are skipped without it); storage keys are generated
 * at run time and the assertions about them are booleans, so that no failure prints one.
 */
class FileSelectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @BeforeAll
    static void gitIsThere() {
        assumeTrue(GitFixtures.onPath("git"), "git is not installed");
    }

    // ---- fixtures ---------------------------------------------------------------------------------------------

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Path repo(Path at) throws IOException, InterruptedException {
        GitFixtures.initRepo(at);
        return at;
    }

    private static void commitAll(Path repo) throws IOException, InterruptedException {
        check(git(repo, "add", "-A"));
        check(git(repo, "commit", "-q", "-m", "fixture"));
    }

    /** A small PNG: signature, header chunk, random image data (its NUL bytes make it binary to git too). */
    private static byte[] png(int size) {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 0x10, 0, 0, 0, 0x10, 8, 6, 0, 0, 0};
        byte[] bytes = new byte[Math.max(size, header.length)];
        RANDOM.nextBytes(bytes);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    /** 200 images under assets/ and a Helm chart as {@code helm create} writes it, in {@code repo}. */
    private static void imagesAndHelmChart(Path repo) throws IOException {
        for (int i = 0; i < 200; i++) {
            Path file = repo.resolve("assets/img/icon-" + i + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, png(512 + RANDOM.nextInt(4096)));
        }
        Path chart = repo.resolve("deploy/chart");
        write(chart.resolve("Chart.yaml"), """
                apiVersion: v2
                name: orders
                description: A Helm chart for Kubernetes
                type: application
                version: 0.1.0
                appVersion: "1.16.0"
                """);
        write(chart.resolve("values.yaml"), """
                replicaCount: 1
                image:
                  repository: nginx
                  pullPolicy: IfNotPresent
                  tag: ""
                serviceAccount:
                  create: true
                  annotations: {}
                  name: ""
                service:
                  type: ClusterIP
                  port: 80
                ingress:
                  enabled: false
                  className: ""
                  hosts:
                    - host: chart-example.local
                      paths:
                        - path: /
                          pathType: ImplementationSpecific
                  tls: []
                autoscaling:
                  enabled: false
                  minReplicas: 1
                  maxReplicas: 100
                  targetCPUUtilizationPercentage: 80
                """);
        write(chart.resolve("templates/_helpers.tpl"), """
                {{/*
                Expand the name of the chart.
                */}}
                {{- define "orders.name" -}}
                {{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
                {{- end }}
                {{- define "orders.labels" -}}
                helm.sh/chart: {{ include "orders.chart" . }}
                {{ include "orders.selectorLabels" . }}
                {{- if .Chart.AppVersion }}
                app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
                {{- end }}
                app.kubernetes.io/managed-by: {{ .Release.Service }}
                {{- end }}
                """);
        write(chart.resolve("templates/deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ include "orders.fullname" . }}
                  labels:
                    {{- include "orders.labels" . | nindent 4 }}
                spec:
                  {{- if not .Values.autoscaling.enabled }}
                  replicas: {{ .Values.replicaCount }}
                  {{- end }}
                  selector:
                    matchLabels:
                      {{- include "orders.selectorLabels" . | nindent 6 }}
                  template:
                    metadata:
                      {{- with .Values.podAnnotations }}
                      annotations:
                        {{- toYaml . | nindent 8 }}
                      {{- end }}
                      labels:
                        {{- include "orders.labels" . | nindent 8 }}
                    spec:
                      serviceAccountName: {{ include "orders.serviceAccountName" . }}
                      containers:
                        - name: {{ .Chart.Name }}
                          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                          imagePullPolicy: {{ .Values.image.pullPolicy }}
                          ports:
                            - name: http
                              containerPort: {{ .Values.service.port }}
                              protocol: TCP
                """);
        write(chart.resolve("templates/ingress.yaml"), """
                {{- if .Values.ingress.enabled -}}
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: {{ include "orders.fullname" . }}
                  labels:
                    {{- include "orders.labels" . | nindent 4 }}
                spec:
                  {{- with .Values.ingress.className }}
                  ingressClassName: {{ . }}
                  {{- end }}
                  rules:
                    {{- range .Values.ingress.hosts }}
                    - host: {{ .host | quote }}
                      http:
                        paths:
                          {{- range .paths }}
                          - path: {{ .path }}
                            backend:
                              service:
                                name: {{ include "orders.fullname" $ }}
                                port:
                                  number: {{ $.Values.service.port }}
                          {{- end }}
                    {{- end }}
                {{- end }}
                """);
        write(chart.resolve("templates/NOTES.txt"), """
                1. Get the application URL by running these commands:
                {{- if .Values.ingress.enabled }}
                  http{{ if $.Values.ingress.tls }}s{{ end }}://{{ (first .Values.ingress.hosts).host }}
                {{- end }}
                """);
        write(chart.resolve("templates/tests/test-connection.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: "{{ include "orders.fullname" . }}-test-connection"
                  labels:
                    {{- include "orders.labels" . | nindent 4 }}
                  annotations:
                    "helm.sh/hook": test
                spec:
                  containers:
                    - name: wget
                      image: busybox
                      command: ['wget']
                      args: ['{{ include "orders.fullname" . }}:{{ .Values.service.port }}']
                  restartPolicy: Never
                """);
        write(chart.resolve(".helmignore"), ".DS_Store\n*.tmp\n");
    }

    private static List<String> warningLines(CliRun r) {
        List<String> lines = new ArrayList<>();
        (r.out() + "\n" + r.err()).lines().filter(l -> l.contains("warning:")).forEach(lines::add);
        return lines;
    }

    /** The reported path of every finding of a JSON report. */
    private static List<String> paths(CliRun r) throws IOException {
        List<String> paths = new ArrayList<>();
        JSON.readTree(r.out()).get("findings").forEach(f -> paths.add(f.get("path").asText()));
        return paths;
    }

    private static CliRun scanJson(String... args) {
        List<String> all = new ArrayList<>(List.of("scan", "--format", "json", "--no-color"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    // ---- binary files, Helm charts and --strict -------------------------------------------------------------

    @Test
    void twoHundredImagesAndAHelmChart_noWarning_strictExitsZero() throws Exception {
        Path repo = repo(dir.resolve("repo"));
        imagesAndHelmChart(repo);
        // an archive over the size limit is binary too, not "too large"
        Files.write(repo.resolve("assets/bundle.zip"), zipLike(3 * 1024 * 1024));
        commitAll(repo);

        CliRun text = run("scan", repo.toString(), "--strict", "--no-color");
        CliRun json = scanJson(repo.toString(), "--strict");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(warningLines(text)).as(text.toString()).isEmpty();
        assertThat(warningLines(json)).as(json.toString()).isEmpty();
        assertThat(text.out()).contains("; 201 binary; 0 skipped;");
        JsonNode summary = JSON.readTree(json.out()).get("summary");
        assertThat(summary.get("filesBinary").asInt()).isEqualTo(201);
        assertThat(summary.get("filesSkipped").asInt()).isZero();
        assertThat(JSON.readTree(json.out()).get("warnings")).isEmpty();
        // every text file of the chart was scanned (Chart.yaml, values.yaml, 5 templates, .helmignore)
        assertThat(summary.get("filesScanned").asInt()).isEqualTo(8);
    }

    private static byte[] zipLike(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

    /**
     * A text file that cannot be read as text: bytes that are not UTF-8 (a Latin-1 file). It is the one way to make
     * a text file unreadable that also holds for root, which reads a file whatever its mode (the tests and CI run
     * as root); a pipe or a socket is not a text file. {@code --strict} exits 3 and one line names the file.
     */
    @Test
    void aTextFileThatCannotBeDecoded_strictExitsThree_withOneLineNamingIt() throws Exception {
        Path repo = repo(dir.resolve("repo"));
        imagesAndHelmChart(repo);
        byte[] latin1 = "# caf\u00e9 r\u00e9glages\nserver.port=8080\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.createDirectories(repo.resolve("config"));
        Files.write(repo.resolve("config/legacy.properties"), latin1);
        commitAll(repo);

        CliRun strict = run("scan", repo.toString(), "--strict", "--no-color");
        CliRun lenient = run("scan", repo.toString(), "--no-color");

        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat((strict.out() + strict.err()).lines().filter(l -> l.contains("config/legacy.properties")))
                .as(strict.toString()).hasSize(1).allMatch(l -> l.contains("not valid UTF-8"));
        assertThat(warningLines(strict)).as(strict.toString()).hasSize(1);
        assertThat(strict.err()).contains("--strict: 1 text file warning(s)");
        assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
    }

    /** The same with a file the scan may not open; only where the mode stops reads (not for root). */
    @Test
    void aTextFileThatCannotBeOpened_strictExitsThree_withOneLineNamingIt() throws Exception {
        Path repo = repo(dir.resolve("repo"));
        imagesAndHelmChart(repo);
        Path secret = write(repo.resolve("config/private.properties"), "server.port=8080\n");
        commitAll(repo);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        try {
            assumeTrue(!Files.isReadable(secret), "the file is still readable (running as root)");

            CliRun strict = run("scan", repo.toString(), "--strict", "--no-color");

            assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
            assertThat((strict.out() + strict.err()).lines().filter(l -> l.contains("config/private.properties")))
                    .as(strict.toString()).hasSize(1).allMatch(l -> l.contains("permission denied"));
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    // ---- file selection as git sees it ---------------------------------------------------------------------

    @Test
    void trackedFilesAreScannedEvenWhenIgnored_untrackedOnesHonourEveryIgnoreSource() throws Exception {
        Path repo = repo(dir.resolve("repo"));
        String key = GitFixtures.connectionString();
        write(repo.resolve(".gitignore"), "*.env\ngenerated/\n");
        write(repo.resolve("config/forced.env"), "STORAGE=" + key + "\n");
        write(repo.resolve("config/kept.properties"), "storage=" + key + "\n");
        check(git(repo, "add", ".gitignore", "config/kept.properties"));
        check(git(repo, "add", "-f", "config/forced.env"));
        check(git(repo, "commit", "-q", "-m", "fixture"));
        // untracked: ignored by the root .gitignore (seen from a subdirectory too), by info/exclude, by
        // core.excludesFile, and one that nothing ignores
        write(repo.resolve("services/api/local.env"), "STORAGE=" + key + "\n");
        write(repo.resolve("services/api/generated/app.properties"), "storage=" + key + "\n");
        write(repo.resolve("services/api/scratch.properties"), "storage=" + key + "\n");
        write(repo.resolve("services/api/personal.properties"), "storage=" + key + "\n");
        write(repo.resolve("services/api/new.properties"), "storage=" + key + "\n");
        Files.writeString(repo.resolve(".git/info/exclude"), "scratch.properties\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Path excludesFile = write(dir.resolve("global-ignore"), "personal.properties\n");
        check(git(repo, "config", "core.excludesFile", excludesFile.toString()));
        // a tracked file that info/exclude names: tracked, so scanned
        write(repo.resolve("config/scratch.properties"), "storage=" + key + "\n");
        check(git(repo, "add", "-f", "config/scratch.properties"));

        CliRun whole = scanJson(repo.toString());
        CliRun sub = scanJson(repo.resolve("services/api").toString());

        assertThat((whole.out() + whole.err()).contains(key)).as("a key was printed").isFalse();
        assertThat(paths(whole)).as(whole.toString()).containsOnly("config/forced.env", "config/kept.properties",
                "config/scratch.properties", "services/api/new.properties");
        assertThat(paths(sub)).as(sub.toString()).containsExactly("services/api/new.properties");
    }

    @Test
    void aDirectoryNamedExplicitly_isScannedEvenWhenGitIgnoresIt() throws Exception {
        Path repo = repo(dir.resolve("repo"));
        String key = GitFixtures.connectionString();
        write(repo.resolve(".gitignore"), "out/\n");
        write(repo.resolve("out/rendered/app.properties"), "storage=" + key + "\n");
        commitAll(repo);

        assertThat(paths(scanJson(repo.toString()))).isEmpty();
        assertThat(paths(scanJson(repo.resolve("out/rendered").toString())))
                .containsExactly("out/rendered/app.properties");
    }

    @Test
    void theRepositorysSettingsApply_whenASubdirectoryIsScanned() throws Exception {
        Path repo = repo(dir.resolve("repo"));
        String key = GitFixtures.connectionString();
        write(repo.resolve(".mi-scan.yml"), """
                exclude: ["services/api/fixtures/"]
                allow:
                  paths: [services/api/src/test/resources/test.properties]
                """);
        write(repo.resolve("services/api/fixtures/a.properties"), "storage=" + key + "\n");
        write(repo.resolve("services/api/src/test/resources/test.properties"), "storage=" + key + "\n");
        write(repo.resolve("services/api/src/main/resources/app.properties"), "storage=" + key + "\n");
        commitAll(repo);

        CliRun sub = scanJson(repo.resolve("services/api").toString());

        assertThat(paths(sub)).as(sub.toString()).containsExactly("services/api/src/main/resources/app.properties");
        assertThat(JSON.readTree(sub.out()).get("summary").get("suppressedBy").get("config").asInt()).isEqualTo(1);
    }

    // ---- the same scan from anywhere -------------------------------------------------------------------------

    /** A repository with findings in two places, a settings file and an ignored file. */
    private static Path stableRepo(Path repo, String key) throws IOException, InterruptedException {
        repo(repo);
        write(repo.resolve(".gitignore"), "*.local\n");
        write(repo.resolve(".mi-scan.yml"), "exclude: [\"docs/\"]\n");
        write(repo.resolve("services/api/src/main/resources/application.properties"),
                "spring.cloud.azure.storage.blob.connection-string=" + key + "\n");
        write(repo.resolve("infra/app.env"), "STORAGE=" + key + "\n");
        write(repo.resolve("docs/example.properties"), "storage=" + key + "\n");
        write(repo.resolve("services/api/secrets.local"), "storage=" + key + "\n");
        commitAll(repo);
        return repo;
    }

    /** Runs this build's mi-scan in {@code cwd} as a separate process (the working directory is the point). */
    private static GitFixtures.Result mi(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.miscan.cli.Main"));
        cmd.addAll(List.of(args));
        return GitFixtures.exec(cwd, Map.of(), cmd.toArray(String[]::new));
    }

    private static Map<String, String> fingerprints(String sarif) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode r : JSON.readTree(sarif).get("runs").get(0).get("results")) {
            String uri = r.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
            out.put(uri + " " + r.get("ruleId").asText(), r.get("partialFingerprints").toString());
        }
        return out;
    }

    @Test
    void theSameRepository_fromItsRoot_aSubdirectory_andOutside_givesTheSameSarif() throws Exception {
        String key = GitFixtures.connectionString();
        Path repo = stableRepo(dir.resolve("repo"), key);
        Path sub = repo.resolve("services/api");
        Path fromRoot = dir.resolve("root.sarif");
        Path fromSub = dir.resolve("sub.sarif");
        Path fromOutside = dir.resolve("outside.sarif");

        GitFixtures.Result a = mi(repo, "scan", ".", "--format", "sarif", "-o", fromRoot.toString());
        GitFixtures.Result b = mi(sub, "scan", "../..", "--format", "sarif", "-o", fromSub.toString());
        GitFixtures.Result c = mi(dir, "scan", "repo", "--format", "sarif", "-o", fromOutside.toString());

        for (GitFixtures.Result r : List.of(a, b, c)) {
            assertThat(r.output().contains(key)).as("a key was printed").isFalse();
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS.code());
        }
        byte[] expected = Files.readAllBytes(fromRoot);
        assertThat(Files.readAllBytes(fromSub)).as("from a subdirectory").isEqualTo(expected);
        assertThat(Files.readAllBytes(fromOutside)).as("from outside").isEqualTo(expected);
        Map<String, String> fingerprints = fingerprints(Files.readString(fromRoot));
        assertThat(fingerprints.keySet()).extracting(k -> k.substring(0, k.indexOf(' ')))
                .containsOnly("infra/app.env", "services/api/src/main/resources/application.properties");

        // the subdirectory on its own, from inside it: the same paths and fingerprints for its findings
        GitFixtures.Result d = mi(sub, "scan", ".", "--format", "sarif", "-o", dir.resolve("only-sub.sarif").toString());
        assertThat(d.exitCode()).as(d.toString()).isEqualTo(ExitCode.FINDINGS.code());
        Map<String, String> subOnly = fingerprints(Files.readString(dir.resolve("only-sub.sarif")));
        assertThat(subOnly).isNotEmpty();
        subOnly.forEach((k, v) -> assertThat(fingerprints).containsEntry(k, v));
    }

    /**
     * A baseline as the previous version wrote it at the repository root: format 2, paths relative to the root,
     * no {@code pathBase} (the only difference from what this version writes, removed here).
     */
    @Test
    void anOldBaselineWrittenAtTheRoot_stillSuppresses_fromAnywhere() throws Exception {
        String key = GitFixtures.connectionString();
        Path repo = stableRepo(dir.resolve("repo"), key);
        GitFixtures.Result created = mi(repo, "baseline", "create");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Path baseline = repo.resolve(".mi-scan-baseline.json");
        asWrittenByThePreviousVersion(baseline);

        Path report = dir.resolve("report.json");
        Map<Path, String[]> runs = new java.util.LinkedHashMap<>();
        runs.put(repo, new String[] {"."});
        runs.put(repo.resolve("services/api"), new String[] {"../.."});
        runs.put(dir, new String[] {"repo"});
        for (Map.Entry<Path, String[]> run : runs.entrySet()) {
            GitFixtures.Result r = mi(run.getKey(), "scan", run.getValue()[0], "--format", "json", "-o", report.toString());
            assertThat(r.output().contains(key)).as("a key was printed").isFalse();
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode summary = JSON.readTree(report.toFile()).get("summary");
            assertThat(summary.get("findings").asInt()).as(r.toString()).isZero();
            assertThat(summary.get("suppressedBy").get("baseline").asInt()).as(r.toString()).isEqualTo(2);
        }
        GitFixtures.Result subOnly = mi(repo.resolve("services/api"), "scan", ".", "--format", "json", "-o",
                report.toString());
        assertThat(subOnly.exitCode()).as(subOnly.toString()).isZero();
        assertThat(JSON.readTree(report.toFile()).get("summary").get("suppressedBy").get("baseline").asInt()).isEqualTo(1);
    }

    /**
     * A baseline the previous version wrote from a subdirectory ({@code cd services/api; mi-scan baseline create}):
     * in that directory, its paths relative to it. It is made here the way the previous version made it: by a scan
     * whose paths are relative to that directory (a copy of it outside any repository), with the same salt.
     */
    @Test
    void anOldBaselineOfASubdirectory_stillSuppresses_andUpdateRewritesItRootRelative() throws Exception {
        String key = GitFixtures.connectionString();
        Path repo = stableRepo(dir.resolve("repo"), key);
        Path sub = repo.resolve("services/api");
        Path copy = dir.resolve("copy/api");
        write(copy.resolve("src/main/resources/application.properties"),
                Files.readString(sub.resolve("src/main/resources/application.properties")));
        GitFixtures.Result created = mi(copy, "baseline", "create");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Path old = sub.resolve(".mi-scan-baseline.json");
        Files.copy(copy.resolve(".mi-scan-baseline.json"), old);
        asWrittenByThePreviousVersion(old);
        assertThat(JSON.readTree(old.toFile()).get("findings").get(0).get("path").asText())
                .isEqualTo("src/main/resources/application.properties");

        GitFixtures.Result inside = mi(sub, "scan", ".", "--format", "json");
        GitFixtures.Result fromRoot = mi(repo, "scan", "services/api", "--format", "json");
        for (GitFixtures.Result r : List.of(inside, fromRoot)) {
            assertThat(r.output().contains(key)).as("a key was printed").isFalse();
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }

        GitFixtures.Result update = mi(sub, "baseline", "update");
        assertThat(update.exitCode()).as(update.toString()).isZero();
        assertThat(update.output()).contains("kept 1, added 0, removed 0 stale");
        JsonNode rewritten = JSON.readTree(old.toFile());
        assertThat(rewritten.get("pathBase").asText()).isEqualTo("root");
        assertThat(rewritten.get("findings").get(0).get("path").asText())
                .isEqualTo("services/api/src/main/resources/application.properties");
        GitFixtures.Result after = mi(dir, "scan", "repo/services/api", "--format", "json");
        assertThat(after.exitCode()).as(after.toString()).isZero();
    }

    @Test
    void updatingTheRootBaselineFromASubdirectory_keepsTheOtherEntries() throws Exception {
        String key = GitFixtures.connectionString();
        Path repo = stableRepo(dir.resolve("repo"), key);
        assertThat(mi(repo, "baseline", "create").exitCode()).isZero();
        Path baseline = repo.resolve(".mi-scan-baseline.json");
        byte[] before = Files.readAllBytes(baseline);

        GitFixtures.Result update = mi(repo.resolve("services/api"), "baseline", "update");

        assertThat(update.exitCode()).as(update.toString()).isZero();
        assertThat(update.output()).contains("kept 1, added 0, removed 0 stale");
        assertThat(Files.readAllBytes(baseline)).isEqualTo(before);
    }

    private static void asWrittenByThePreviousVersion(Path baseline) throws IOException {
        String text = Files.readString(baseline);
        String old = text.replace("  \"pathBase\" : \"root\",\n", "");
        assertThat(old).isNotEqualTo(text);
        Files.writeString(baseline, old);
    }
}
