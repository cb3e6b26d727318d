package dev.miscan.core.testing;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.source.Fragment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs rule fixtures, the specification of every rule. Two marker forms, each naming the rule and the
 * level users see:
 * <ul>
 *   <li>{@code expect: RULE-ID LEVEL} in a comment on its own line: the next line that has no marker must
 *       have a finding of RULE-ID at LEVEL (error, warning or note; stack markers for several findings);</li>
 *   <li>for formats without comments (JSON), a golden copy: {@code ~~(RULE-ID LEVEL)~~>} written just before
 *       the first character of each finding. The harness strips the markers, scans, renders the actual
 *       findings the same way and compares the texts.</li>
 * </ul>
 * Every line without a marker must stay clean, for every rule (so one rule's fixture also guards the
 * others against false positives). Suppressions are not applied: fixtures carry
 * {@code mi-scan:allow-file} for the project's self-scan. Problems name lines and rule ids only, never
 * the text of a line, so a failure never prints a secret.
 */
public final class FixtureHarness {
    public static final Pattern EXPECT = Pattern.compile("expect:\\s*(MI-[A-Z0-9-]+)(?:[ \\t]+(error|warning|note)\\b)?");
    public static final Pattern GOLDEN = Pattern.compile("~~\\((MI-[A-Z0-9-]+)(?: (error|warning|note))?\\)~~>");

    private final Engine engine;

    public FixtureHarness(Engine engine) {
        this.engine = engine;
    }

    /** Every fixture file under {@code root}, sorted. */
    public static List<Path> fixtures(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule ids a fixture expects, in order of appearance. */
    public static List<String> expectedRules(Path file) {
        String text = read(file);
        List<String> ids = new ArrayList<>();
        for (Pattern p : new Pattern[] {EXPECT, GOLDEN}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** Checks one fixture; the result lists every difference and is empty when the fixture passes. */
    public List<String> check(Path file) {
        String text = read(file);
        String name = file.getFileName().toString();
        return GOLDEN.matcher(text).find() ? checkGolden(name, text) : checkMarkers(name, text);
    }

    private List<String> checkMarkers(String name, String text) {
        return checkMarkers(text, scan(name, text));
    }

    /**
     * Checks a fixture that is a folder (a module and the files that call it): the folder is scanned as one scan,
     * and each file's findings are compared with its markers. Every difference is named with its file.
     */
    public List<String> checkTree(Path dir) {
        List<String> warnings = new ArrayList<>();
        dev.miscan.core.engine.ScanResult result;
        try {
            result = engine.scan(dir, List.of(new dev.miscan.core.source.FileTreeSource(dir, dir, List.of(),
                    dev.miscan.core.engine.ScanRequest.DEFAULT_MAX_FILE_SIZE)), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.warnings().forEach(w -> warnings.add(w.path() + ": " + w.message()));
        if (!warnings.isEmpty()) {
            throw new AssertionError("fixture " + dir.getFileName() + " produced warnings: " + warnings);
        }
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (List<Finding> list : List.of(result.findings(), result.suppressedFindings())) {
            for (Finding f : list) {
                byFile.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Path file : fixtures(dir)) {
            String path = dir.relativize(file).toString().replace('\\', '/');
            for (String problem : checkMarkers(read(file), byFile.getOrDefault(path, List.of()))) {
                problems.add(path + ": " + problem);
            }
        }
        return problems;
    }

    private List<String> checkMarkers(String text, List<Finding> findings) {
        String[] lines = text.split("\n", -1);
        Map<Integer, List<String>> expected = new TreeMap<>();
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            boolean marker = false;
            while (m.find()) {
                pending.add(m.group(1) + " " + (m.group(2) == null ? "(no level)" : m.group(2)));
                marker = true;
            }
            if (!marker && !pending.isEmpty()) {
                expected.put(i + 1, sorted(pending));
                pending.clear();
            }
        }
        List<String> problems = new ArrayList<>();
        if (!pending.isEmpty()) {
            problems.add("expect: marker(s) " + pending + " at the end of the file have no line to apply to");
        }
        Map<Integer, List<String>> actual = new TreeMap<>();
        for (Finding f : findings) {
            actual.computeIfAbsent(f.location().startLine(), k -> new ArrayList<>())
                    .add(f.rule().id() + " " + f.severity().sarifLevel());
        }
        actual.replaceAll((k, v) -> sorted(v));
        compare(expected, actual, problems);
        return problems;
    }

    private List<String> checkGolden(String name, String text) {
        String stripped = GOLDEN.matcher(text).replaceAll("");
        List<Finding> findings = scan(name, stripped);
        String[] lines = stripped.split("\n", -1);
        Map<Integer, List<String>> inserts = new TreeMap<>();
        for (Finding f : findings) {
            inserts.computeIfAbsent(f.location().startLine(), k -> new ArrayList<>())
                    .add(f.location().startColumn() + ":" + f.rule().id() + " " + f.severity().sarifLevel());
        }
        StringBuilder rendered = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            List<String> marks = inserts.getOrDefault(i + 1, List.of());
            List<String> byColumnDesc = new ArrayList<>(marks);
            byColumnDesc.sort((a, b) -> Integer.compare(column(b), column(a)));
            StringBuilder l = new StringBuilder(line);
            for (String mark : byColumnDesc) {
                int col = Math.min(column(mark) - 1, l.length());
                l.insert(col, "~~(" + mark.substring(mark.indexOf(':') + 1) + ")~~>");
            }
            rendered.append(l);
            if (i < lines.length - 1) {
                rendered.append('\n');
            }
        }
        List<String> problems = new ArrayList<>();
        if (!rendered.toString().equals(text)) {
            String[] want = text.split("\n", -1);
            String[] got = rendered.toString().split("\n", -1);
            for (int i = 0; i < Math.max(want.length, got.length); i++) {
                String w = i < want.length ? want[i] : "";
                String g = i < got.length ? got[i] : "";
                if (!w.equals(g)) {
                    problems.add("line " + (i + 1) + ": expected markers " + markers(w) + " but found " + markers(g));
                }
            }
        }
        return problems;
    }

    private static List<String> markers(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = GOLDEN.matcher(line);
        int removed = 0;
        while (m.find()) {
            out.add(m.group(1) + (m.group(2) == null ? "" : " " + m.group(2)) + "@col" + (m.start() - removed + 1));
            removed += m.group().length();
        }
        return out;
    }

    private static int column(String mark) {
        return Integer.parseInt(mark.substring(0, mark.indexOf(':')));
    }

    private List<Finding> scan(String name, String text) {
        List<String> warnings = new ArrayList<>();
        var result = engine.scanFragment(new Fragment(name, text), w -> warnings.add(w.message()), Engine.Options.UNSUPPRESSED);
        if (!warnings.isEmpty()) {
            throw new AssertionError("fixture " + name + " produced warnings: " + warnings);
        }
        return result.findings();
    }

    private static void compare(Map<Integer, List<String>> expected, Map<Integer, List<String>> actual,
            List<String> problems) {
        TreeMap<Integer, Boolean> lines = new TreeMap<>();
        expected.keySet().forEach(l -> lines.put(l, true));
        actual.keySet().forEach(l -> lines.put(l, true));
        for (int line : lines.keySet()) {
            List<String> e = expected.getOrDefault(line, List.of());
            List<String> a = actual.getOrDefault(line, List.of());
            if (!e.equals(a)) {
                problems.add("line " + line + ": expected " + e + " but found " + a);
            }
        }
    }

    private static List<String> sorted(List<String> ids) {
        List<String> s = new ArrayList<>(ids);
        s.sort(null);
        return s;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
