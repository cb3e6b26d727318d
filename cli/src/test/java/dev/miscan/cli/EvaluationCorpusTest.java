package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores mi-scan against the evaluation corpus ({@code evaluation/projects}, written independently of the rule
 * fixtures) and its truth file ({@code evaluation/truth.tsv}). A result counts as right when its line is labelled
 * with the credential its level promises: an error on a {@code secret} line, a warning on a {@code key-auth} line;
 * any other error or warning is a false positive (notes are hardening advice and are not scored). A labelled line
 * is found when a result of its level is on it. Prints precision and recall per tier and per file kind, writes
 * them to {@code target/evaluation.md}, and fails when a figure falls below the floor the project has reached, so
 * that no change loses ground unnoticed. Run alone with {@code mvn -Peval test} or {@code evaluation/run.sh}.
 */
class EvaluationCorpusTest {
    static final Path EVALUATION = Path.of("..", "evaluation");

    /** The floors: the acceptance targets of the corpus. */
    static final double PRECISION_FLOOR = 0.98;
    static final double SECRET_RECALL_FLOOR = 0.97;
    static final double KEY_AUTH_RECALL_FLOOR = 0.92;

    record Truth(String path, int line, String label, String service, String note) {
    }

    record Result(String path, int line, String level, String rule) {
    }

    /** Counts for one slice (all, one tier, one file kind). */
    static final class Score {
        int results;
        int correct;
        int secrets;
        int secretsFound;
        int keyAuth;
        int keyAuthFound;

        double precision() {
            return results == 0 ? 1.0 : (double) correct / results;
        }

        static double ratio(int found, int of) {
            return of == 0 ? 1.0 : (double) found / of;
        }
    }

    @Test
    void scoresTheCorpus(@TempDir Path tmp) throws IOException {
        Path report = tmp.resolve("evaluation.json");
        Path projects = EVALUATION.resolve("projects");
        CliRun run = CliRun.run("scan", projects.toString(), "--format", "json", "--output", report.toString(),
                "--fail-on", "none");
        assertThat(run.exitCode()).as("scan of the evaluation corpus").isZero();

        List<Truth> truth = readTruth(EVALUATION.resolve("truth.tsv"));
        List<Result> results = readResults(report, projects);
        Map<String, Score> byKind = new TreeMap<>();
        Score all = new Score();
        Map<String, Truth> labels = new HashMap<>();
        for (Truth t : truth) {
            labels.put(t.path() + ":" + t.line(), t);
        }
        Set<String> found = new HashSet<>();
        List<String> falsePositives = new ArrayList<>();
        for (Result r : results) {
            String want = r.level().equals("error") ? "secret" : "key-auth";
            Truth t = labels.get(r.path() + ":" + r.line());
            boolean right = t != null && t.label().equals(want);
            for (Score s : List.of(all, byKind.computeIfAbsent(kind(r.path()), k -> new Score()))) {
                s.results++;
                s.correct += right ? 1 : 0;
            }
            found.add(r.path() + ":" + r.line() + ":" + want);
            if (!right) {
                falsePositives.add(r.level() + " " + r.rule() + " " + r.path() + ":" + r.line()
                        + (t == null ? "" : " (labelled " + t.label() + ")"));
            }
        }
        List<String> missed = new ArrayList<>();
        for (Truth t : truth) {
            if (t.label().equals("trap")) {
                continue;
            }
            boolean hit = found.contains(t.path() + ":" + t.line() + ":" + t.label());
            for (Score s : List.of(all, byKind.computeIfAbsent(kind(t.path()), k -> new Score()))) {
                if (t.label().equals("secret")) {
                    s.secrets++;
                    s.secretsFound += hit ? 1 : 0;
                } else {
                    s.keyAuth++;
                    s.keyAuthFound += hit ? 1 : 0;
                }
            }
            if (!hit) {
                missed.add(t.label() + " " + t.path() + ":" + t.line() + " (" + t.note() + ")");
            }
        }
        String table = table(all, byKind, truth, falsePositives, missed);
        System.out.println(table);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("evaluation.md"), table, StandardCharsets.UTF_8);

        assertThat(all.precision()).as("precision over error and warning results").isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(Score.ratio(all.secretsFound, all.secrets)).as("recall of leaked credentials")
                .isGreaterThanOrEqualTo(SECRET_RECALL_FLOOR);
        assertThat(Score.ratio(all.keyAuthFound, all.keyAuth)).as("recall of key-based authentication")
                .isGreaterThanOrEqualTo(KEY_AUTH_RECALL_FLOOR);
    }

    static String table(Score all, Map<String, Score> byKind, List<Truth> truth, List<String> falsePositives,
            List<String> missed) {
        StringBuilder sb = new StringBuilder();
        long traps = truth.stream().filter(t -> t.label().equals("trap")).count();
        sb.append("# mi-scan on the evaluation corpus\n\n");
        sb.append(String.format(Locale.ROOT, "%d labelled lines: %d secrets, %d key-based authentication, %d traps.%n%n",
                truth.size(), all.secrets, all.keyAuth, traps));
        sb.append("| File kind | Results | Precision | Secrets found | Key-based auth found |\n");
        sb.append("|---|---|---|---|---|\n");
        row(sb, "**all**", all);
        byKind.forEach((k, s) -> row(sb, k, s));
        sb.append("\nFalse positives (").append(falsePositives.size()).append("):\n");
        falsePositives.forEach(f -> sb.append("- ").append(f).append('\n'));
        sb.append("\nMissed (").append(missed.size()).append("):\n");
        missed.forEach(m -> sb.append("- ").append(m).append('\n'));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String kind, Score s) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", kind, s.results,
                s.results == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d/%d)", s.precision(), s.correct, s.results),
                s.secrets == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d/%d)", Score.ratio(s.secretsFound, s.secrets),
                        s.secretsFound, s.secrets),
                s.keyAuth == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d/%d)", Score.ratio(s.keyAuthFound, s.keyAuth),
                        s.keyAuthFound, s.keyAuth)));
    }

    /** The kind of a file: its extension, or its name when it has none ({@code Dockerfile}, {@code Makefile}). */
    static String kind(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(dot + 1);
    }

    static List<Truth> readTruth(Path file) throws IOException {
        List<Truth> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Truth(f[0], Integer.parseInt(f[1]), f[2], f[3], f.length > 4 ? f[4] : ""));
        }
        return out;
    }

    static List<Result> readResults(Path report, Path projects) throws IOException {
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        // paths are relative to the repository root (in a git checkout), else to the scanned directory
        Path base = Path.of(root.get("baseDir").asText());
        Path abs = projects.toAbsolutePath().normalize();
        String prefix = abs.startsWith(base) && !abs.equals(base)
                ? base.relativize(abs).toString().replace('\\', '/') + "/" : projects.toString().replace('\\', '/') + "/";
        List<Result> out = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            String level = f.get("severity").asText();
            if (!level.equals("error") && !level.equals("warning")) {
                continue;
            }
            String path = f.get("path").asText();
            if (path.startsWith(prefix)) {
                path = path.substring(prefix.length());
            }
            out.add(new Result(path, f.get("startLine").asInt(), level, f.get("ruleId").asText()));
        }
        return out;
    }
}
