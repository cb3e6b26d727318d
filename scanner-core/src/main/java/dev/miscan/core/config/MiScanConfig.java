package dev.miscan.core.config;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Suppression;
import dev.miscan.core.suppress.AllowList;
import dev.miscan.core.suppress.FindingPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The project settings of {@code .mi-scan.yml} (DESIGN.md, "Configuration"), validated on load: an
 * unknown key, a value of the wrong type, a bad regular expression or a bad level is a
 * {@link ConfigException} naming the file, line and key. Front ends apply it as follows, and let their own
 * flags win: {@link #excludes()} are added to the command-line excludes; {@link #policy()} goes to the
 * {@link dev.miscan.core.engine.Engine} (rules on/off, severity overrides, allow-lists);
 * {@link #baselinePath()}, {@link #failOn()} and {@link #maxFileSize()} are defaults for the
 * corresponding flags. {@code mi-scan init} writes {@link #template()}.
 *
 * <pre>
 * version: 1                         optional; the only version
 * exclude: [docs/, "*.md"]           gitignore-syntax patterns, relative to the directory of the file
 * rules:                             rule id: off | on | error | warning | note
 *   MI-APPINSIGHTS-CONNSTR: off
 * allow:
 *   paths: [src/test/resources/application-test.properties]   exact reported paths
 *   path-patterns: ["^src/test/"]     regular expressions searched in the path
 *   values: ["sha256:9f86…"]          exact values (or sha256:hex of them) that are not secrets
 *   value-patterns: ["^dummy"]        regular expressions searched in the value
 * baseline: .mi-scan-baseline.json   relative to this file's directory
 * fail-on: error                     error | warning | note | none
 * max-file-size: 2m                  bytes, with an optional k, m or g suffix
 * </pre>
 */
public final class MiScanConfig {
    public static final String FILE_NAME = ".mi-scan.yml";

    private static final List<String> TOP_KEYS = List.of("version", "exclude", "rules", "allow", "baseline",
            "fail-on", "max-file-size");
    private static final List<String> ALLOW_KEYS = List.of("paths", "path-patterns", "values", "value-patterns");
    private static final List<String> LEVELS = List.of("error", "warning", "note", "none");
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+)\\s*([kmg]?)i?b?");
    // bounded: a group repeated without end recurses once per repetition and overflows the stack on "MI-MI-MI-…"
    private static final Pattern RULE_ID = Pattern.compile("MI-[A-Z0-9]++(?:-[A-Z0-9]++){0,20}");
    private static final int MAX_BYTES = 1024 * 1024;

    /** What {@code rules:} says about one rule: off, or on with an optional severity override. */
    public record RuleSetting(boolean enabled, Severity severity) {
    }

    private final String name;
    private final Path file;
    private final List<String> excludes;
    private final Map<String, RuleSetting> rules;
    private final Map<String, Integer> ruleLines;
    private final AllowList allow;
    private final String baseline;
    private final String failOn;
    private final Long maxFileSize;

    private MiScanConfig(String name, Path file, List<String> excludes, Map<String, RuleSetting> rules,
            Map<String, Integer> ruleLines, AllowList allow, String baseline, String failOn, Long maxFileSize) {
        this.name = name;
        this.file = file;
        this.excludes = List.copyOf(excludes);
        this.rules = Map.copyOf(rules);
        this.ruleLines = Map.copyOf(ruleLines);
        this.allow = allow;
        this.baseline = baseline;
        this.failOn = failOn;
        this.maxFileSize = maxFileSize;
    }

    /** No file: every default. */
    public static MiScanConfig empty() {
        return new MiScanConfig(FILE_NAME, null, List.of(), Map.of(), Map.of(), AllowList.NONE, null, null, null);
    }

    /** {@code dir/.mi-scan.yml} if it exists, otherwise {@link #empty()}. */
    public static MiScanConfig discover(Path dir) throws ConfigException {
        Path candidate = find(dir);
        return candidate != null ? load(candidate) : empty();
    }

    /**
     * The settings file that applies to a scan of {@code dir}, as git finds {@code .gitignore}: {@code dir}'s own,
     * else the nearest one in the directories above it up to the root of the git repository that holds it; none
     * above a directory that is not in a repository (a file in the home directory does not apply to every scan).
     */
    static Path find(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(start.resolve(FILE_NAME))) {
            return start.resolve(FILE_NAME);
        }
        Path repository = null;
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                repository = p;
                break;
            }
        }
        for (Path p = start.getParent(); repository != null && p != null && p.startsWith(repository); p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(FILE_NAME))) {
                return p.resolve(FILE_NAME);
            }
        }
        return null;
    }

    /** Reads and validates a configuration file. */
    public static MiScanConfig load(Path file) throws ConfigException {
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read (" + dev.miscan.core.source.IoProblems.of(e) + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(name + ": larger than 1 MB; this is not a mi-scan configuration");
        }
        Path abs = file.toAbsolutePath().normalize();
        return parse(new String(bytes, StandardCharsets.UTF_8), name, abs);
    }

    /**
     * Parses configuration text. {@code file} locates the baseline ({@code null}: the working directory);
     * {@code name} is used in error messages.
     */
    public static MiScanConfig parse(String yaml, String name, Path file) throws ConfigException {
        return new Parser(name, file).parse(new StringReader(yaml));
    }

    /** The commented default that {@code mi-scan init} writes; it loads to the same settings as no file. */
    public static String template() {
        try (InputStream in = MiScanConfig.class.getResourceAsStream("default-mi-scan.yml")) {
            if (in == null) {
                throw new IllegalStateException("default-mi-scan.yml is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails on a rule id under {@code rules:} that is not one of {@code knownIds}. */
    public void checkRuleIds(Collection<String> knownIds) throws ConfigException {
        for (String id : rules.keySet()) {
            if (!knownIds.contains(id)) {
                throw new ConfigException(name + ":" + ruleLines.get(id) + ": unknown rule 'rules." + id
                        + "' ('mi-scan rules' lists the rule ids)");
            }
        }
    }

    /** The file this was read from, or null. */
    public Path file() {
        return file;
    }

    public List<String> excludes() {
        return excludes;
    }

    public Map<String, RuleSetting> rules() {
        return rules;
    }

    public AllowList allowList() {
        return allow;
    }

    /** The baseline file, resolved against this file's directory; null when not set. */
    public Path baselinePath() {
        if (baseline == null) {
            return null;
        }
        Path dir = file == null || file.getParent() == null ? Path.of("") : file.getParent();
        return dir.resolve(baseline).normalize();
    }

    /** {@code error}, {@code warning}, {@code note} or {@code none}; null when not set. */
    public String failOn() {
        return failOn;
    }

    /** In bytes; null when not set. */
    public Long maxFileSize() {
        return maxFileSize;
    }

    /** Rules on/off, severity overrides and the allow-lists, for the engine. */
    public FindingPolicy policy() {
        return policy(java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #policy()}, the allow-lists matching {@code pathInFile} of each reported path: the path as this
     * file's own paths are written (relative to its directory, when that is below the reports' root).
     */
    public FindingPolicy policy(java.util.function.UnaryOperator<String> pathInFile) {
        Map<String, RuleSetting> settings = rules;
        AllowList allowList = allow;
        return new FindingPolicy() {
            @Override
            public boolean enabled(RuleDescriptor rule) {
                RuleSetting s = setting(settings, rule);
                return s == null || s.enabled();
            }

            @Override
            public Severity severity(RuleDescriptor rule, Severity reported) {
                RuleSetting s = setting(settings, rule);
                return s == null || s.severity() == null ? reported : s.severity();
            }

            @Override
            public Suppression suppression(Finding finding, String secret) {
                return allowList.match(pathInFile.apply(finding.location().path()), secret);
            }
        };
    }

    /** What {@code rules:} says about {@code rule}: under its id, else under a former id of it (an alias). */
    private static RuleSetting setting(Map<String, RuleSetting> settings, RuleDescriptor rule) {
        RuleSetting s = settings.get(rule.id());
        for (int i = 0; s == null && i < rule.aliases().size(); i++) {
            s = settings.get(rule.aliases().get(i));
        }
        return s;
    }

    /** The largest file size a limit may name: a file is read whole into memory, and Java arrays end here. */
    public static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    /**
     * Bytes in {@code 2m}, {@code 500k}, {@code 1048576}; -1 when the text is not a size, or names more than
     * {@link #MAX_SIZE} (no overflow: {@code 17179869184g} is not 0).
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches() || m.group(1).length() > 12) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1;
        };
        long bytes;
        try {
            bytes = Math.multiplyExact(n, unit);
        } catch (ArithmeticException e) {
            return -1;
        }
        return bytes > MAX_SIZE ? -1 : bytes;
    }

    /** Walks the YAML node tree, so that every error can name its line. */
    private static final class Parser {
        private final String name;
        private final Path file;
        private final List<String> excludes = new ArrayList<>();
        private final Map<String, RuleSetting> rules = new LinkedHashMap<>();
        private final Map<String, Integer> ruleLines = new LinkedHashMap<>();
        private final List<String> allowPaths = new ArrayList<>();
        private final List<Pattern> allowPathPatterns = new ArrayList<>();
        private final List<String> allowValues = new ArrayList<>();
        private final List<Pattern> allowValuePatterns = new ArrayList<>();
        private String baseline;
        private String failOn;
        private Long maxFileSize;

        Parser(String name, Path file) {
            this.name = name;
            this.file = file;
        }

        MiScanConfig parse(Reader reader) throws ConfigException {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setNestingDepthLimit(10);
            options.setCodePointLimit(MAX_BYTES);
            options.setAllowRecursiveKeys(false);
            Node root;
            try {
                root = new Yaml(new SafeConstructor(options)).compose(reader);
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                throw new ConfigException(name + (mark == null ? "" : ":" + (mark.getLine() + 1)) + ": not valid YAML: "
                        + (e.getProblem() == null ? "syntax error" : e.getProblem()));
            } catch (YAMLException e) {
                throw new ConfigException(name + ": not valid YAML: " + firstLine(e.getMessage()));
            }
            if (root != null && !(root instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
                for (NodeTuple t : mapping(root, "the file")) {
                    String key = key(t, "");
                    Node value = t.getValueNode();
                    switch (key) {
                        case "version" -> {
                            if (!"1".equals(scalar(value, key))) {
                                throw error(value, "'version' must be 1");
                            }
                        }
                        case "exclude" -> {
                            for (Node n : list(value, key)) {
                                String pattern = scalar(n, key);
                                if (pattern.isBlank()) {
                                    throw error(n, "'exclude' has an empty pattern");
                                }
                                try {
                                    new FastIgnoreRule(pattern);
                                } catch (RuntimeException e) {
                                    throw error(n, "'exclude' pattern '" + pattern + "' is not valid gitignore syntax");
                                }
                                excludes.add(pattern);
                            }
                        }
                        case "rules" -> rules(value);
                        case "allow" -> allow(value);
                        case "baseline" -> baseline = nonEmpty(value, key);
                        case "fail-on" -> failOn = level(value, key, LEVELS);
                        case "max-file-size" -> {
                            long size = parseSize(scalar(value, key));
                            if (size < 0) {
                                throw error(value, "'max-file-size' must be a number of bytes with an optional k, m or g"
                                        + " suffix, at most 2047m, e.g. 2m");
                            }
                            maxFileSize = size;
                        }
                        default -> throw error(t.getKeyNode(), "unknown key '" + key + "' (known keys: "
                                + String.join(", ", TOP_KEYS) + ")");
                    }
                }
            }
            AllowList allow = new AllowList(allowPaths, allowPathPatterns, allowValues, allowValuePatterns,
                    file == null ? name : String.valueOf(file.getFileName()));
            return new MiScanConfig(name, file, excludes, rules, ruleLines, allow, baseline, failOn, maxFileSize);
        }

        private void rules(Node value) throws ConfigException {
            for (NodeTuple t : mapping(value, "rules")) {
                String id = key(t, "rules.");
                if (!RULE_ID.matcher(id).matches()) {
                    throw error(t.getKeyNode(), "'rules." + id + "' is not a rule id (MI-…; 'mi-scan rules' lists them)");
                }
                Node v = t.getValueNode();
                // YAML 1.1 reads a bare off/on as a boolean.
                String setting = v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)
                        ? (List.of("true", "yes", "on", "y").contains(s.getValue().toLowerCase(Locale.ROOT)) ? "on" : "off")
                        : level(v, "rules." + id, List.of("off", "on", "error", "warning", "note"));
                RuleSetting rs = switch (setting) {
                    case "off" -> new RuleSetting(false, null);
                    case "on" -> new RuleSetting(true, null);
                    default -> new RuleSetting(true, Severity.parse(setting));
                };
                rules.put(id, rs);
                ruleLines.put(id, line(t.getKeyNode()));
            }
        }

        private void allow(Node value) throws ConfigException {
            for (NodeTuple t : mapping(value, "allow")) {
                String key = key(t, "allow.");
                String where = "allow." + key;
                Node v = t.getValueNode();
                switch (key) {
                    case "paths" -> {
                        for (Node n : list(v, where)) {
                            allowPaths.add(nonEmpty(n, where).replace('\\', '/'));
                        }
                    }
                    case "values" -> {
                        for (Node n : list(v, where)) {
                            allowValues.add(nonEmpty(n, where));
                        }
                    }
                    case "path-patterns", "value-patterns" -> {
                        List<Pattern> target = key.equals("path-patterns") ? allowPathPatterns : allowValuePatterns;
                        for (Node n : list(v, where)) {
                            String regex = nonEmpty(n, where);
                            try {
                                target.add(Pattern.compile(regex));
                            } catch (PatternSyntaxException e) {
                                throw error(n, "'" + where + "' entry is not a valid regular expression: "
                                        + e.getDescription());
                            }
                        }
                    }
                    default -> throw error(t.getKeyNode(), "unknown key '" + where + "' (known keys under allow: "
                            + String.join(", ", ALLOW_KEYS) + ")");
                }
            }
        }

        private List<NodeTuple> mapping(Node node, String what) throws ConfigException {
            if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
                return List.of();
            }
            if (!(node instanceof MappingNode m)) {
                throw error(node, (what.equals("the file") ? "the file" : "'" + what + "'")
                        + " must be a mapping of keys to values");
            }
            List<String> seen = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (k != null && seen.contains(k)) {
                    throw error(t.getKeyNode(), "duplicate key '" + k + "'");
                }
                seen.add(k);
            }
            return m.getValue();
        }

        private List<Node> list(Node node, String key) throws ConfigException {
            if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
                return List.of();
            }
            if (node instanceof SequenceNode seq) {
                return seq.getValue();
            }
            throw error(node, "'" + key + "' must be a list, e.g. " + key.substring(key.lastIndexOf('.') + 1)
                    + ": [\"…\"]");
        }

        private String key(NodeTuple t, String prefix) throws ConfigException {
            if (t.getKeyNode() instanceof ScalarNode s) {
                return s.getValue();
            }
            throw error(t.getKeyNode(), "a key under '" + (prefix.isEmpty() ? "the file" : prefix) + "' must be text");
        }

        private String scalar(Node node, String key) throws ConfigException {
            if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                return s.getValue();
            }
            throw error(node, "'" + key + "' must be a single value");
        }

        private String nonEmpty(Node node, String key) throws ConfigException {
            String v = scalar(node, key);
            if (v.isBlank()) {
                throw error(node, "'" + key + "' must not be empty");
            }
            return v;
        }

        private String level(Node node, String key, List<String> allowed) throws ConfigException {
            String v = scalar(node, key).strip().toLowerCase(Locale.ROOT);
            if (!allowed.contains(v)) {
                throw error(node, "'" + key + "' must be one of " + String.join(", ", allowed) + ", not '"
                        + scalar(node, key) + "'");
            }
            return v;
        }

        private ConfigException error(Node node, String message) {
            return new ConfigException(name + ":" + line(node) + ": " + message);
        }

        private static int line(Node node) {
            return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        }

        private static String firstLine(String s) {
            return s == null ? "syntax error" : s.lines().findFirst().orElse("syntax error");
        }
    }
}
