package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.miscan.core.api.Detector;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * No regular expression and no rule can be made to hang by a line built against it (ReDoS, or work that
 * grows with the square of a line's length). Patterns are checked by counting the characters the matcher
 * reads (see {@link BudgetedText}); rules by a hang guard, not a speed test: each case gets
 * {@value #GUARD_SECONDS} s, where it needs milliseconds.
 *
 * <ul>
 *   <li>Every {@code static} {@link Pattern} of the scanner's and the rules' classes (found by reflection,
 *       including patterns held in static tables of records, so a new one is covered without listing it)
 *       gets long runs of the characters each of its character classes accepts, its literals repeated with
 *       such runs between them, and the same with a character that breaks the match at the end.</li>
 *   <li>Every rule keyword, in the shapes that defeat keyword-driven parsing (the keyword tens of thousands
 *       of times in a row, each followed by {@code =} and a key-like run, or by one run of a megabyte), is
 *       scanned by the engine with all rules, under a file name of each format.</li>
 * </ul>
 */
class PathologicalInputTest {
    private static final int GUARD_SECONDS = 10;
    private static final Duration GUARD = Duration.ofSeconds(GUARD_SECONDS);
    private static final int RUN = 50_000;
    private static final String PRINTABLE;
    private static final List<String> EXTENSIONS = List.of("app.properties", "values.yaml", "settings.json", ".env",
            "Config.java", "main.bicep", "main.tf", "notes.txt", "Dockerfile", "deploy.yml");

    static {
        StringBuilder sb = new StringBuilder(" \t\n\r");
        for (char c = 33; c < 127; c++) {
            sb.append(c);
        }
        sb.append("éß€~");
        PRINTABLE = sb.toString();
    }

    /** Static patterns of the production classes, by "Class.field" (a table's patterns by "Class.field[i]"). */
    static Map<String, Pattern> productionPatterns() {
        Map<String, Pattern> out = new LinkedHashMap<>();
        for (String className : productionClasses()) {
            Class<?> c;
            try {
                c = Class.forName(className, false, PathologicalInputTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                Object value;
                try {
                    f.setAccessible(true);
                    value = f.get(null);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    continue;
                }
                collect(c.getSimpleName() + "." + f.getName(), value, out, 0);
            }
        }
        return out;
    }

    private static void collect(String name, Object value, Map<String, Pattern> out, int depth) {
        if (value instanceof Pattern p) {
            out.put(name, p);
        } else if (depth < 2 && value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collect(name + "[" + i++ + "]", item, out, depth + 1);
            }
        } else if (depth < 2 && value instanceof Object[] items) {
            for (int i = 0; i < items.length; i++) {
                collect(name + "[" + i + "]", items[i], out, depth + 1);
            }
        } else if (depth > 0 && value != null && value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    collect(name + "." + rc.getName(), rc.getAccessor().invoke(value), out, depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable: not ours to test
                }
            }
        }
    }

    /** Classes under dev/miscan/ in the class path entries of scanner-core and rules (not their tests). */
    private static Set<String> productionClasses() {
        Set<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            String s = p.toString().replace('\\', '/');
            boolean ours = s.contains("scanner-core") || s.contains("/rules/") || s.contains("/rules-");
            if (!ours || s.contains("test-classes") || s.endsWith("-tests.jar")) {
                continue;
            }
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        walk.filter(f -> f.toString().endsWith(".class"))
                                .map(f -> p.relativize(f).toString().replace('\\', '/'))
                                .filter(n -> n.startsWith("dev/miscan/"))
                                .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
                    }
                } else if (s.endsWith(".jar") && Files.isRegularFile(p)) {
                    try (JarFile jar = new JarFile(p.toFile())) {
                        jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("dev/miscan/") && n.endsWith(".class"))
                                .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** Bracket classes and class escapes of a pattern's source, compiled alone with the pattern's flags. */
    static List<Pattern> characterClasses(Pattern p) {
        String src = p.pattern();
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < src.length()) {
                char e = src.charAt(i + 1);
                if ("dDsSwWpP".indexOf(e) >= 0) {
                    int end = i + 2;
                    if ((e == 'p' || e == 'P') && end < src.length() && src.charAt(end) == '{') {
                        end = src.indexOf('}', end) + 1;
                    }
                    classes.add(src.substring(i, end));
                }
                i++;
            } else if (c == '[') {
                int depth = 0;
                int j = i;
                for (; j < src.length(); j++) {
                    char d = src.charAt(j);
                    if (d == '\\') {
                        j++;
                    } else if (d == '[') {
                        depth++;
                    } else if (d == ']' && j > i + 1 && --depth == 0) {
                        break;
                    }
                }
                classes.add(src.substring(i, Math.min(j + 1, src.length())));
                i = j;
            } else if (c == '.') {
                classes.add(".");
            }
        }
        List<Pattern> out = new ArrayList<>();
        for (String cls : classes) {
            try {
                out.add(Pattern.compile(cls, p.flags()));
            } catch (PatternSyntaxException e) {
                // a fragment we cut wrongly: skip it
            }
        }
        return out;
    }

    /** Literal words of a pattern's source (what is left between meta characters), two characters or more. */
    static List<String> literals(Pattern p) {
        String src = p.pattern().replaceAll("\\(\\?[a-zA-Z]*[:)]|\\(\\?<?[=!]|\\(\\?<[a-zA-Z]+>", "")
                .replaceAll("\\[(?:\\\\.|[^\\]])*]", " ").replaceAll("\\{\\d*,?\\d*}", " ")
                .replaceAll("\\\\[dDsSwWpPbBAzZQE]", " ").replaceAll("\\\\(.)", "$1");
        Set<String> out = new LinkedHashSet<>();
        for (String w : src.split("[()|?*+^$.]+| +")) {
            if (w.length() >= 2) {
                out.add(w);
            }
        }
        return new ArrayList<>(out);
    }

    private static String accepted(Pattern cls) {
        StringBuilder sb = new StringBuilder();
        for (char c : PRINTABLE.toCharArray()) {
            if (cls.matcher(String.valueOf(c)).matches()) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String run(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; sb.length() < n; i++) {
            sb.append(alphabet.charAt(i % alphabet.length()));
        }
        return sb.toString();
    }

    /** Inputs built against one pattern. */
    static List<String> adversarialInputs(Pattern p) {
        List<String> alphabets = new ArrayList<>();
        for (Pattern cls : characterClasses(p)) {
            String a = accepted(cls);
            if (!a.isEmpty()) {
                alphabets.add(a);
            }
        }
        List<String> words = literals(p);
        List<String> inputs = new ArrayList<>();
        for (String a : alphabets) {
            inputs.add(run(a, RUN));
            inputs.add(run(a, RUN) + "\u0001");
            inputs.add(run(a.substring(0, 1), RUN) + "!");
        }
        if (!alphabets.isEmpty()) {
            inputs.add(run(String.join("", alphabets), RUN));
        }
        for (String w : words) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (sb.length() < RUN) {
                sb.append(w);
                if (!alphabets.isEmpty()) {
                    sb.append(run(alphabets.get(i++ % alphabets.size()), 30));
                }
            }
            inputs.add(sb.toString());
            inputs.add(w.repeat(Math.max(1, RUN / w.length())));
        }
        if (!words.isEmpty()) {
            StringBuilder all = new StringBuilder();
            while (all.length() < RUN) {
                for (String w : words) {
                    all.append(w);
                    all.append(alphabets.isEmpty() ? " " : run(alphabets.get(all.length() % alphabets.size()), 12));
                }
            }
            inputs.add(all.toString());
        }
        return inputs;
    }

    /**
     * Hundreds of credential settings in one file: deciding each one's fix looks at the settings before it, which
     * was cubic (400 client secrets took a minute). An attacker controls the file, so it is a hang guard here; the
     * speed is the benchmark's business.
     */
    @Test
    void hundredsOfCredentialSettings_inOneFile_finish() {
        StringBuilder text = new StringBuilder();
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < 1_000; i++) {
            String secret = randomText(random, 34);
            text.append("app").append(i).append(".spring.cloud.azure.credential.client-secret=").append(secret).append('\n');
        }
        // a hang guard for the fix analysis: without the keyed digests (~3 ms per distinct secret, linear by design)
        Engine engine = new Engine(RuleRegistry.load()).withoutFingerprints();
        guarded(() -> assertThat(engine.scanFragment(new Fragment("application.properties", text.toString()),
                w -> { }).findings()).hasSize(1_000));
    }

    /**
     * Thousands of settings named for a password under one parent, beside an Azure database URL: what the settings
     * under a parent point at is decided once per parent, not once per password (values that are words, so that
     * the time measured is the inference's, not the findings').
     */
    @Test
    void thousandsOfCustomPasswordsUnderOneParent_finish() {
        StringBuilder text = new StringBuilder("app.db.url=jdbc:sqlserver://orders-sql.database.windows.net:1433\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("app.db.user").append(i).append("password=changeme\n");
            text.append("app.db.host").append(i).append("=db").append(i).append(".example.com\n");
        }
        Engine engine = new Engine(RuleRegistry.load());
        guarded(() -> assertThat(engine.scanFragment(new Fragment("application.properties", text.toString()),
                w -> { }).findings()).isEmpty());
    }

    /**
     * Twenty thousand findings, one per line: each line's snippet is checked only against the secrets that could
     * occur in it (every line against every secret took 35 s).
     */
    @Test
    void twentyThousandFindingsInOneFile_finish() {
        StringBuilder text = new StringBuilder("app.db.url=jdbc:sqlserver://orders-sql.database.windows.net:1433\n");
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < 20_000; i++) {
            String secret = "Pw-" + randomText(random, 12);
            text.append("app.db.user").append(i).append("password=").append(secret).append('\n');
        }
        // without fingerprints: each distinct secret's keyed digest costs ~3 ms by design (docs/baselines.md), and
        // what is guarded here is the redaction; the text report, which shows no fingerprint, computes none either
        Engine engine = new Engine(RuleRegistry.load()).withoutFingerprints();
        guarded(() -> assertThat(engine.scanFragment(new Fragment("application.properties", text.toString()),
                w -> { }).findings()).hasSize(20_000));
    }

    /**
     * A minified template: thousands of findings on one long line. Each finding's snippet is that line redacted of
     * every secret, which was rendered once per finding (4,000 findings: minutes); now once per line.
     */
    @Test
    void thousandsOfFindingsOnOneLine_finish() {
        StringBuilder json = new StringBuilder("{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/"
                + "deploymentTemplate.json#\",\"parameters\":{");
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < 2_000; i++) {
            String secret = "Pw-" + randomText(random, 16);
            json.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"type\":\"securestring\",\"defaultValue\":\"")
                    .append(secret).append("!7\"}");
        }
        json.append("},\"resources\":[]}");
        // a hang guard for the snippets: without the keyed digests (~3 ms per distinct secret, linear by design)
        Engine engine = new Engine(RuleRegistry.load()).withoutFingerprints();
        guarded(() -> assertThat(engine.scanFragment(new Fragment("azuredeploy.json", json.toString()), w -> { })
                .findings()).hasSize(2_000));
    }

    @Test
    void everyStaticPatternOfTheScannerAndTheRulesIsFound() {
        Map<String, Pattern> patterns = productionPatterns();
        // a floor, so that a broken class-path scan cannot pass by testing nothing
        assertThat(patterns).hasSizeGreaterThan(20);
        assertThat(patterns.keySet()).anyMatch(k -> k.startsWith("ConfigSlots.TABLE["))
                .anyMatch(k -> k.startsWith("Placeholders."));
        // the exemptions name patterns that exist: a pattern renamed or removed must leave the list too
        for (String exempt : MATCHED_WHOLE.keySet()) {
            assertThat(patterns.keySet()).as("MATCHED_WHOLE entry %s", exempt)
                    .anyMatch(k -> k.equals(exempt) || k.startsWith(exempt + "["));
        }
    }

    /**
     * Text that counts the characters a matcher reads and stops it past a budget: linear matching reads each
     * character a bounded number of times (the longest bounded repetition of the pattern, at most a few
     * hundred), backtracking that grows with the square of the input reads it thousands of times. Counting
     * instead of timing makes the check exact on a loaded machine, and the matcher stops by itself.
     */
    static final class BudgetedText implements CharSequence {
        private final String text;
        private long budget;

        BudgetedText(String text, long budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) {
                throw new OverBudget();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static final class OverBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** Characters a matcher may read per input character: patterns' bounded repetitions go up to {88}. */
    static final int READS_PER_CHAR = 1_000;

    /** Whether {@code p} scans {@code input} (every match, then a whole-input match) within the read budget. */
    static boolean linear(Pattern p, String input) {
        long budget = (long) READS_PER_CHAR * input.length() + 10_000;
        try {
            Matcher m = p.matcher(new BudgetedText(input, budget));
            while (m.find()) {
                if (m.end() >= input.length()) {
                    break;
                }
            }
            return linearWhole(p, input);
        } catch (OverBudget e) {
            return false;
        }
    }

    /** Whether a whole match and a prefix match of {@code input} stay within the read budget. */
    static boolean linearWhole(Pattern p, String input) {
        long budget = (long) READS_PER_CHAR * input.length() + 10_000;
        try {
            p.matcher(new BudgetedText(input, budget)).matches();
            p.matcher(new BudgetedText(input, budget)).lookingAt();
            return true;
        } catch (OverBudget e) {
            return false;
        }
    }

    /**
     * Patterns that are only ever matched whole ({@code matches()}) against a key, a name or one value, never
     * searched through a text: for them a search (every start position) is not what runs, so only a whole
     * match is checked. A pattern used with {@code find()} must be linear as it is: start a leading run with a
     * look-behind ({@code (?<![a-z0-9-])[a-z0-9-]+\\.…}), use possessive repetition ({@code \\s*+}) or bound
     * it ({@code [^}]{0,256}}).
     */
    private static final Map<String, String> MATCHED_WHOLE = Map.ofEntries(
            Map.entry("Placeholders.CONSTANT_NAME", "matches() on a value"),
            Map.entry("Placeholders.WORDY", "matches() on a value"),
            Map.entry("InlineAllow.COMMENT_LINE", "matches() on the line above a finding"),
            Map.entry("IacTemplate.TF_SINGLE", "matches() on one Terraform expression"),
            Map.entry("KeySources.TF_REFERENCE", "matches() on one Terraform reference"),
            Map.entry("KeySources.TF_KEY_ATTRIBUTE", "matches() on one attribute name"),
            Map.entry("SecretPropertyRule.SLOTS", "matches() on a resource type"),
            Map.entry("CredentialNames.WORDS", "matches() on a template default value"));

    private static boolean matchedWhole(String name) {
        return MATCHED_WHOLE.keySet().stream().anyMatch(k -> name.equals(k) || name.startsWith(k + "["));
    }

    @TestFactory
    Stream<DynamicTest> everyStaticPattern_isLinearOnLinesBuiltAgainstIt() {
        return productionPatterns().entrySet().stream().map(e -> dynamicTest(e.getKey(), () -> {
            boolean whole = matchedWhole(e.getKey());
            List<String> inputs = adversarialInputs(e.getValue());
            for (int i = 0; i < inputs.size(); i++) {
                String input = inputs.get(i);
                boolean ok;
                try {
                    ok = whole ? linearWhole(e.getValue(), input) : linear(e.getValue(), input);
                } catch (StackOverflowError overflow) {
                    throw new AssertionError(e.getKey() + " /" + e.getValue().pattern() + "/ overflows the stack on input #"
                            + i + " (" + input.length() + " chars, starts '" + input.substring(0, Math.min(40,
                            input.length())) + "'): a repeated group recurses once per repetition; make it possessive "
                            + "or atomic, or bound it");
                }
                assertThat(ok)
                        .as("%s /%s/ backtracks on input #%d (%d chars, starts '%s'): make it linear, or, if it is only "
                                + "matched whole against a short value, list it in MATCHED_WHOLE", e.getKey(),
                                e.getValue().pattern(), i, input.length(), input.substring(0, Math.min(40, input.length())))
                        .isTrue();
            }
        }));
    }

    /** Set once a case has run past the guard: its thread cannot be stopped, so the later cases are not started. */
    private static volatile boolean hung;

    private static void guarded(org.junit.jupiter.api.function.Executable scan) {
        org.junit.jupiter.api.Assumptions.assumeFalse(hung, "an earlier case ran past the guard");
        try {
            assertTimeoutPreemptively(GUARD, scan);
        } catch (AssertionError e) {
            hung = true;
            throw e;
        }
    }

    /** Every keyword of every rule, in the shapes that make keyword-driven parsing costly. */
    @TestFactory
    Stream<DynamicTest> everyRuleKeyword_inPathologicalShapes_finishes() {
        RuleRegistry registry = RuleRegistry.load();
        Engine engine = new Engine(registry);
        Set<String> keywords = new TreeSet<>();
        for (Detector d : registry.detectors()) {
            keywords.addAll(d.keywords());
        }
        String base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        Map<String, java.util.function.Function<String, String>> shapes = new LinkedHashMap<>();
        // 128 KB holds thousands of occurrences of any keyword: enough to show work that grows with their square
        shapes.put("repeated", k -> k.repeat(128_000 / k.length() + 1));
        shapes.put("repeated with =", k -> (k + "=").repeat(128_000 / (k.length() + 1) + 1));
        shapes.put("with =key;", k -> (k + "=" + base64.substring(0, 44) + ";").repeat(128_000 / (k.length() + 46)));
        shapes.put("then a 512 KB run", k -> k + "=" + run(base64, 1 << 19));
        shapes.put("in a quoted line", k -> ("\"" + k + "\": \"" + run(base64, 20) + "\", ").repeat(2_000) + "\n");
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (String k : keywords) {
            for (var shape : shapes.entrySet()) {
                String file = EXTENSIONS.get(n++ % EXTENSIONS.size());
                var make = shape.getValue();
                tests.add(dynamicTest("'" + k + "' " + shape.getKey() + " in " + file,
                        () -> guarded(() -> engine.scanFragment(new Fragment(file, make.apply(k)), w -> { }))));
            }
        }
        // every keyword at once, between key-like runs, under every file name
        StringBuilder all = new StringBuilder();
        while (all.length() < 512_000) {
            for (String k : keywords) {
                all.append(k).append('=').append(run(base64, 50)).append(all.length() % 3 == 0 ? "\n" : ";");
            }
        }
        for (String file : EXTENSIONS) {
            tests.add(dynamicTest("all keywords in " + file,
                    () -> guarded(() -> engine.scanFragment(new Fragment(file, all.toString()), w -> { }))));
        }
        return tests.stream();
    }

    /** {@code n} characters drawn from letters and digits without look-alikes: a secret no rule takes for a placeholder. */
    private static String randomText(java.util.Random random, int n) {
        StringBuilder text = new StringBuilder(n);
        for (int j = 0; j < n; j++) {
            text.append("ABCDEFGHJKLMNPQRSTUVWabcdefghijkmnopqrstuvw0123456789".charAt(random.nextInt(53)));
        }
        return text.toString();
    }
}
