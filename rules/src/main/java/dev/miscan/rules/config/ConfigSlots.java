package dev.miscan.rules.config;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Fix;
import dev.miscan.core.api.Severity;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.config.ConfigEntry;
import dev.miscan.core.parse.config.ConfigView;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.JdbcUrl;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.support.CredentialValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credential slots of configuration files, driven by one table ({@code config-slots.tsv}): which setting
 * holds which credential for which rule, and the passwordless settings that replace it. A literal in a
 * slot is a secret on the value; a placeholder ({@code ${VAR}}, {@code ${VAR:}}, a Key Vault reference, a
 * Kubernetes {@code secretKeyRef}) is key-based authentication on the key's line, because Managed Identity
 * removes the credential either way. {@code ${VAR:literal}} is a literal. Literal connection strings and
 * SAS tokens are left to the value rules, which validate the key inside them.
 */
public final class ConfigSlots {
    /** What a slot holds, which decides what counts as a real literal. */
    public enum Kind { CONNSTR, KEY, SECRET, PASSWORD, SAS, APIKEY }

    /**
     * One row of the table; {@code service} is the Azure catalogue's service when the setting names one of
     * several services of its rule (a queue's account key), else "".
     */
    public record Slot(Pattern key, String rule, Kind kind, String when, String service, String passwordless) {
    }

    /** A finding for a rule to report: a secret (ERROR) or key-based authentication (WARNING). */
    public record Candidate(Slot slot, ConfigEntry entry, int offset, String text, String message, Severity severity,
            String server) {

        public boolean secret() {
            return severity == Severity.ERROR;
        }
    }

    /** Words at least one of which a file must contain for slots to be looked for (the rules' keywords). */
    public static final String[] KEYWORDS = {"password", "secret", "key", "connection", "sas", "token", "pwd",
            "storage"};

    private static final List<Slot> TABLE = load();
    /**
     * Per slot of {@link #TABLE}, the literal endings its key expression can match (one per alternative), or null when
     * an alternative ends in a wildcard: a key that ends with none of them is not tried against the expression. Most
     * keys (the long key paths of an ARM template) end with no credential word, and a suffix test costs nothing
     * next to a {@code find()}.
     */
    private static final List<String[]> TAILS = TABLE.stream().map(s -> literalTails(s.key().pattern())).toList();
    /** Per slot, the literal text one of its alternatives must contain ({@link #literalRuns}), or null. */
    private static final List<String[]> RUNS = TABLE.stream().map(s -> gate(literalRuns(s.key().pattern()))).toList();
    /**
     * Per slot, its key expression without the {@code (?:^|\.)} before and the {@code $} after: matched whole from
     * the key's start or a dot, the places where the full expression can start, instead of {@code find()} trying
     * every character of a long key path.
     */
    private static final List<Pattern> INNER = TABLE.stream().map(s -> inner(s.key())).toList();
    /** How many last characters of a key {@link #BY_ENDING} is keyed by. */
    private static final int ENDING = 3;
    /**
     * The slots a key may belong to by its last {@link #ENDING} characters: those with a literal ending that ends so,
     * in table order. A key is tried against these and {@link #ANY_ENDING} only, not the whole table: the same slots
     * {@link #mayEndWith} lets through, found by one lookup.
     */
    private static final java.util.Map<String, int[]> BY_ENDING;
    /** The slots with an alternative that ends in a wildcard or in fewer than {@link #ENDING} literal characters. */
    private static final int[] ANY_ENDING;

    static {
        java.util.Map<String, java.util.TreeSet<Integer>> by = new java.util.HashMap<>();
        List<Integer> any = new ArrayList<>();
        for (int i = 0; i < TABLE.size(); i++) {
            String[] tails = TAILS.get(i);
            if (tails == null || java.util.Arrays.stream(tails).anyMatch(t -> t.length() < ENDING)) {
                any.add(i);
                continue;
            }
            for (String tail : tails) {
                by.computeIfAbsent(tail.substring(tail.length() - ENDING), k -> new java.util.TreeSet<>()).add(i);
            }
        }
        java.util.Map<String, int[]> index = new java.util.HashMap<>();
        by.forEach((ending, slots) -> index.put(ending, slots.stream().mapToInt(Integer::intValue).toArray()));
        BY_ENDING = index;
        ANY_ENDING = any.stream().mapToInt(Integer::intValue).toArray();
    }
    /** The row of the standard database password settings, whose URL names the service. */
    private static final Slot DB_SLOT = TABLE.stream().filter(s -> s.rule().equals("DB")).findFirst().orElseThrow();
    /** The Azure cache's access key, for a setting of the application's own naming: no fix ("inferred"). */
    private static final Slot REDIS_SLOT = TABLE.stream().filter(s -> s.rule().equals("MI-REDIS-ACCESSKEY")
            && s.kind() == Kind.PASSWORD).findFirst()
            .map(s -> new Slot(s.key(), s.rule(), s.kind(), "inferred", "", s.passwordless())).orElseThrow();
    /** The storage account key, for a setting of the application's own naming: no fix ("inferred"). */
    private static final Slot STORAGE_KEY_SLOT = TABLE.stream()
            .filter(s -> s.rule().equals("MI-STORAGE-SHAREDKEY") && s.service().isEmpty()).findFirst()
            .map(s -> new Slot(s.key(), s.rule(), s.kind(), "inferred", "", s.passwordless())).orElseThrow();
    private static final Pattern DEFAULTED = Pattern.compile("^\\$\\{([^:}]*):([^}]+)}$");

    private ConfigSlots() {
    }

    public static List<Slot> table() {
        return TABLE;
    }

    private static List<Slot> load() {
        List<Slot> slots = new ArrayList<>();
        try (InputStream in = ConfigSlots.class.getResourceAsStream("config-slots.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                slots.add(new Slot(Pattern.compile("(?:^|\\.)(?:" + f[0] + ")$"), f[1], Kind.valueOf(f[2]), f[3],
                        f[4], f[5].replace("\\n", "\n")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the services the Azure catalogue alone detects bring their own slots
        for (AzureCatalogue.Service service : AzureCatalogue.get().detectedFromCatalogue()) {
            AzureCatalogue.Detection d = service.detection();
            slots.add(new Slot(Pattern.compile("(?:^|\\.)(?:" + String.join("|", d.settings()) + ")$"),
                    CatalogueRules.of(service.key()).orElseThrow().secret(),
                    Kind.APIKEY, "", service.key(), d.passwordless()));
        }
        return List.copyOf(slots);
    }

    /** The slot a key belongs to, if any. */
    public static Slot slotOf(String key) {
        return slotOf(key, ConfigEntry.normalize(key));
    }

    /** The slot a setting belongs to, if any, from the key it normalized when it was read. */
    public static Slot slotOf(ConfigEntry e) {
        return slotOf(e.key(), e.normalizedKey());
    }

    private static Slot slotOf(String key, String normalized) {
        Slot slot = match(normalized);
        // environment-variable spelling splits the last words (SPRING_CLOUD_AZURE_STORAGE_BLOB_CONNECTION_STRING,
        // AZURE_STORAGE_ACCOUNT_KEY): the same setting with its last two or three words joined. Only for that
        // spelling: a dotted key of the application's own (servicebus.connection) is not a framework setting,
        // and replacing it with one would break the code that reads it.
        for (int join = 2; slot == null && join <= 3 && isEnvironmentVariableName(key); join++) {
            String joined = joinLast(normalized, join);
            if (joined != null) {
                slot = match(joined);
            }
        }
        return slot;
    }

    /**
     * Whether a key is a framework setting only in its environment-variable spelling: a fix would write the dotted
     * settings, which are not what the file (or the environment it feeds) reads.
     */
    private static boolean isJoinedSpelling(String key) {
        return isEnvironmentVariableName(key) && match(ConfigEntry.normalize(key)) == null;
    }

    private static boolean isEnvironmentVariableName(String key) {
        return key.indexOf('_') > 0 && ENV_NAME.matcher(key).matches();
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*+");

    /**
     * The slot of each key seen, for the keys every project repeats ({@code spring.datasource.password},
     * {@code env[*].name}): a scan matches a key against the table once. Bounded: past the limit keys are matched
     * again rather than remembered.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<Slot>> MATCHED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 20_000;

    private static Slot match(String normalized) {
        java.util.Optional<Slot> known = MATCHED.get(normalized);
        if (known != null) {
            return known.orElse(null);
        }
        Slot found = null;
        int[] ending = normalized.length() < ENDING ? null
                : BY_ENDING.getOrDefault(normalized.substring(normalized.length() - ENDING), NONE);
        if (ending == null) {
            for (int i = 0; i < TABLE.size() && found == null; i++) {
                found = tryMatch(i, normalized);
            }
        } else {
            // the two sorted lists merged, so that the first slot of the table that matches wins, as it always did
            int a = 0;
            int b = 0;
            while (found == null && (a < ending.length || b < ANY_ENDING.length)) {
                int i = b >= ANY_ENDING.length || a < ending.length && ending[a] < ANY_ENDING[b] ? ending[a++]
                        : ANY_ENDING[b++];
                found = tryMatch(i, normalized);
            }
        }
        if (MATCHED.size() < MAX_REMEMBERED && normalized.length() < 200) {
            MATCHED.put(normalized, java.util.Optional.ofNullable(found));
        }
        return found;
    }


    private static final int[] NONE = {};

    private static Slot tryMatch(int i, String normalized) {
        return mayEndWith(TAILS.get(i), normalized) && mayContain(RUNS.get(i), normalized)
                && matchesFromASegment(i, normalized) ? TABLE.get(i) : null;
    }

    /** What {@code find()} of slot {@code i}'s full expression says, tried only where it can start. */
    private static boolean matchesFromASegment(int i, String key) {
        Pattern inner = INNER.get(i);
        if (inner == null) {
            return TABLE.get(i).key().matcher(key).find();
        }
        java.util.regex.Matcher m = inner.matcher(key).useTransparentBounds(true).useAnchoringBounds(false);
        int dot = key.length();
        while (true) {
            dot = dot == 0 ? -1 : key.lastIndexOf('.', dot - 1);
            if (m.region(dot + 1, key.length()).matches()) {
                return true;
            }
            if (dot < 0) {
                return false;
            }
        }
    }

    /** {@code (?:^|\.)X$} without its start and end, or null for an expression of another form. */
    private static Pattern inner(Pattern full) {
        String p = full.pattern();
        String prefix = "(?:^|\\.)";
        return p.startsWith(prefix) && p.endsWith("$") && !p.endsWith("\\$")
                ? Pattern.compile(p.substring(prefix.length(), p.length() - 1), full.flags()) : null;
    }

    private static boolean mayEndWith(String[] tails, String key) {
        if (tails == null) {
            return true;
        }
        for (String tail : tails) {
            if (key.endsWith(tail)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The literal text each top-level alternative of {@code (?:^|\.)(?:a|b|c)$} ends with ({@code a}'s last
     * characters up to its first regular-expression operator, read backwards), or null when one of them ends with
     * none.
     */
    static String[] literalTails(String pattern) {
        List<String> alternatives = alternatives(pattern);
        if (alternatives == null) {
            return null;
        }
        String[] tails = new String[alternatives.size()];
        for (int a = 0; a < tails.length; a++) {
            String alt = alternatives.get(a);
            StringBuilder tail = new StringBuilder();
            int i = alt.length() - 1;
            while (i >= 0) {
                char c = alt.charAt(i);
                boolean escaped = i > 0 && alt.charAt(i - 1) == '\\' && (i < 2 || alt.charAt(i - 2) != '\\');
                if (escaped) {
                    tail.append(c);
                    i -= 2;
                } else if ("\\.[](){}?*+|^$".indexOf(c) >= 0) {
                    break;
                } else {
                    tail.append(c);
                    i--;
                }
            }
            if (tail.length() == 0) {
                return null;
            }
            tails[a] = tail.reverse().toString();
        }
        return tails;
    }

    /** The top-level alternatives of {@code (?:^|\.)(?:a|b|c)$}, or null for an expression of another form. */
    private static List<String> alternatives(String pattern) {
        String prefix = "(?:^|\\.)(?:";
        if (!pattern.startsWith(prefix) || !pattern.endsWith(")$")) {
            return null;
        }
        String body = pattern.substring(prefix.length(), pattern.length() - 2);
        List<String> alternatives = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(body.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(body.substring(start));
        return alternatives;
    }

    /**
     * Per top-level alternative of {@code (?:^|\.)(?:a|b|c)$}, the longest run of literal text every key it matches
     * contains ({@code cosmosdbconnection} for {@code cosmosdbconnection(string)?}, {@code fs.azure.account.key.}
     * for {@code fs\.azure\.account\.key\..+}), or null when one alternative has none: a key that contains none
     * of them is not tried against the expression. What {@link #literalTails} cannot gate (an optional or
     * wildcard ending) this does.
     */
    static String[] literalRuns(String pattern) {
        List<String> alternatives = alternatives(pattern);
        // inline flags ((?i) makes a run case-blind) and escapes that stand for another character (\x41, \u0041,
        // \0101, \Q…\E, \p{…}, \k<…>) are not read here: such an expression gets no gate rather than a wrong one
        if (alternatives == null || java.util.regex.Pattern.compile("\\(\\?[a-zA-Z^-]").matcher(pattern).find()
                || java.util.regex.Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\[^dDwWsSbBhHvV\\p{Punct}]")
                        .matcher(pattern).find()) {
            return null;
        }
        String[] runs = new String[alternatives.size()];
        for (int a = 0; a < runs.length; a++) {
            String alt = alternatives.get(a);
            String best = "";
            StringBuilder run = new StringBuilder();
            for (int i = 0; i <= alt.length(); i++) {
                char c = i < alt.length() ? alt.charAt(i) : '|';
                if (c == '\\' && i + 1 < alt.length()) {
                    char e = alt.charAt(++i);
                    if (".-_[]()*+?{}|^$/\\".indexOf(e) >= 0) {
                        run.append(e); // an escaped operator is that character
                        continue;
                    }
                    // a class (\d, \w, \s…): ends the run, as an operator does; a quantifier after it is harmless
                    if (run.length() > best.length()) {
                        best = run.toString();
                    }
                    run.setLength(0);
                    continue;
                }
                if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '/') {
                    run.append(c);
                    continue;
                }
                // an operator: a quantifier that may leave out the character before it takes it off the run
                if ((c == '?' || c == '*' || c == '{') && run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
                if (c == '(' || c == '[') {
                    // a group or a class: skipped whole (its content may be optional or one of several)
                    int depth = 0;
                    for (; i < alt.length(); i++) {
                        char g = alt.charAt(i);
                        if (g == '\\') {
                            i++;
                        } else if (g == '(' || g == '[') {
                            depth++;
                        } else if ((g == ')' || g == ']') && --depth == 0) {
                            break;
                        }
                    }
                    // a quantifier after the group applies to it, not to a character of the next run
                    if (i + 1 < alt.length() && "?*+{".indexOf(alt.charAt(i + 1)) >= 0) {
                        i++;
                        if (alt.charAt(i) == '{') {
                            i = Math.max(i, alt.indexOf('}', i));
                        }
                    }
                } else if (c == '{') {
                    i = Math.max(i, alt.indexOf('}', i));
                }
            }
            if (best.isEmpty()) {
                return null;
            }
            runs[a] = best;
        }
        return runs;
    }

    /**
     * One test instead of one per alternative where the runs share a part of four characters or more (the longest
     * such part: every alternative of the Cosmos DB connection-string slot says {@code connection}): what each run
     * contains, every key that contains a run contains.
     */
    static String[] gate(String[] runs) {
        if (runs == null || runs.length < 2) {
            return runs;
        }
        String shortest = java.util.Arrays.stream(runs).min(java.util.Comparator.comparingInt(String::length))
                .orElseThrow();
        String best = "";
        for (int from = 0; from < shortest.length(); from++) {
            for (int to = shortest.length(); to - from > best.length(); to--) {
                String part = shortest.substring(from, to);
                if (java.util.Arrays.stream(runs).allMatch(r -> r.contains(part))) {
                    best = part;
                    break;
                }
            }
        }
        return best.length() >= 4 ? new String[] {best} : runs;
    }

    private static boolean mayContain(String[] runs, String key) {
        if (runs == null) {
            return true;
        }
        for (String run : runs) {
            if (key.contains(run)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a.b.c.d} with its last {@code n} segments joined ({@code a.bcd} for 3), or null when it has fewer. */
    private static String joinLast(String key, int n) {
        int cut = key.length();
        for (int i = 0; i < n - 1; i++) {
            cut = key.lastIndexOf('.', cut - 1);
            if (cut <= 0) {
                return null;
            }
        }
        return key.substring(0, cut) + key.substring(cut).replace(".", "");
    }

    /** Receives a candidate; rules pass a lambda that calls their {@code report}. */
    @FunctionalInterface
    public interface Reporter {
        void report(Candidate candidate);
    }

    /** Hands every candidate of {@code ruleId} in {@code doc} to {@code reporter}. */
    public static void report(Document doc, String ruleId, Reporter reporter) {
        for (Candidate c : find(doc, ruleId)) {
            reporter.report(c);
        }
    }

    /**
     * The mechanical fix of a candidate: the setting replaced by the passwordless settings of its slot (those
     * already in the file are not repeated; values the file names, such as the account or namespace, are filled
     * in). In a {@code .properties} file the setting's line(s) are replaced; in YAML and JSON the settings are
     * written where the setting was, at its indentation, when they belong beside it ({@link StructuredFix}).
     * Database and Redis slots need a person (the URL and user change too), and so does a slot whose
     * replacement needs a value the file does not name (a namespace, a container), so they have none.
     */
    public static Fix fix(Document doc, Candidate c) {
        ConfigView.Format format = ConfigView.formatOf(doc);
        if (!c.slot().when().isEmpty() || !hasSettings(c.slot()) || format != ConfigView.Format.PROPERTIES && format != ConfigView.Format.YAML
                && format != ConfigView.Format.JSON || isJoinedSpelling(c.entry().key())) {
            return null;
        }
        ConfigEntry e = c.entry();
        List<String[]> settings = e.commented() ? List.of() : settingsToAdd(doc, c);
        if (settings == null) {
            return null;
        }
        String description = e.commented() ? "Delete the commented-out credential '" + e.key() + "'"
                : "Replace '" + e.key() + "' with passwordless settings";
        if (format != ConfigView.Format.PROPERTIES) {
            return e.commented() ? null : StructuredFix.of(doc, e, settings, description);
        }
        var lines = doc.lines();
        int first = lines.lineOf(e.keyOffset());
        int endOffset = e.valueOffset() >= 0 ? e.valueOffset() + e.rawValue().length() : e.keyOffset();
        int last = lines.lineOf(Math.max(e.keyOffset(), Math.min(endOffset, doc.text().length())));
        StringBuilder text = new StringBuilder();
        for (String[] setting : settings) {
            text.append(setting[0]).append('=').append(setting[1]).append('\n');
        }
        int lastEnd = lines.lineEnd(last);
        boolean hasNewline = lastEnd < doc.text().length();
        String inserted = text.toString();
        if (!hasNewline && inserted.endsWith("\n")) {
            inserted = inserted.substring(0, inserted.length() - 1);
        }
        // the setting's whole lines, with the line end when there is one
        int end = !hasNewline ? lastEnd : last + 1 < lines.lineCount() ? lines.lineStart(last + 1) : doc.text().length();
        return new Fix(description, List.of(doc.edit(lines.lineStart(first), end, inserted)));
    }

    /** False when both keys are Spring Cloud Azure storage settings of different services (blob and queue). */
    private static boolean sameStorageService(String credentialKey, String settingKey) {
        String prefix = "spring.cloud.azure.storage.";
        String a = ConfigEntry.normalize(credentialKey);
        String b = ConfigEntry.normalize(settingKey);
        if (!a.startsWith(prefix) || !b.startsWith(prefix)) {
            return true;
        }
        String sa = a.substring(prefix.length()).split("\\.")[0];
        String sb = b.substring(prefix.length()).split("\\.")[0];
        return sa.equals(sb);
    }

    /** Whether {@link #fix} would give a fix. */
    private static boolean hasFix(Document doc, Candidate c) {
        ConfigView.Format format = ConfigView.formatOf(doc);
        if (!c.slot().when().isEmpty() || !hasSettings(c.slot()) || c.entry().commented() || format != ConfigView.Format.PROPERTIES
                && format != ConfigView.Format.YAML && format != ConfigView.Format.JSON
                || isJoinedSpelling(c.entry().key())) {
            return false;
        }
        List<String[]> settings = settingsToAdd(doc, c);
        if (settings == null) {
            return false;
        }
        return format == ConfigView.Format.PROPERTIES
                || StructuredFix.of(doc, c.entry(), settings, "") != null;
    }

    /** The settings of a document that are credential slots, each with its slot (matched once per document). */
    private record Slotted(ConfigEntry entry, Slot slot) {
    }

    private static final Document.View<List<Slotted>> SLOTTED = doc -> {
        List<Slotted> out = new ArrayList<>();
        for (ConfigEntry e : doc.view(ConfigView.ENTRIES)) {
            Slot slot = slotOf(e);
            if (slot != null) {
                out.add(new Slotted(e, slot));
            }
        }
        return List.copyOf(out);
    };

    /** The normalized keys of a document's settings that are not commented out. */
    private static final Document.View<java.util.Set<String>> PRESENT = doc -> {
        java.util.Set<String> present = new java.util.HashSet<>();
        for (ConfigEntry e : doc.view(ConfigView.ENTRIES)) {
            if (!e.commented()) {
                present.add(e.normalizedKey());
            }
        }
        return java.util.Set.copyOf(present);
    };

    private static final Document.View<FixDecisions> DECISIONS = FixDecisions::new;

    /**
     * The decisions behind a document's fixes, each made once per document, so that the fixes of all its credential
     * settings cost time linear in its settings (a file of hundreds of secrets is an input an attacker controls):
     * which settings the fixes of earlier credential settings add (in document order, per mapping or list), the
     * keys present in each mapping or list, and which parent keys have a sign-in setting. A document is scanned by
     * one thread at a time.
     */
    private static final class FixDecisions {
        private final Document doc;
        private final boolean structured;
        /** Per container ("" in a properties file): its credential settings that an earlier fix may cover. */
        private final java.util.Map<String, Earlier> earlier = new java.util.HashMap<>();
        private java.util.Map<String, java.util.Set<String>> presentByContainer;
        private java.util.Map<String, Integer> signInByParent;
        private java.util.Set<ConfigEntry> signInEntries;

        FixDecisions(Document doc) {
            this.doc = doc;
            this.structured = ConfigView.formatOf(doc) != ConfigView.Format.PROPERTIES;
            for (Slotted s : doc.view(SLOTTED)) {
                ConfigEntry other = s.entry();
                if (other.commented() || other.value() == null || other.value().isBlank()) {
                    continue;
                }
                earlier.computeIfAbsent(container(other), k -> new Earlier()).slotted.add(s);
            }
            for (Earlier list : earlier.values()) {
                list.slotted.sort(java.util.Comparator.comparingInt(x -> x.entry().keyOffset()));
            }
        }

        String container(ConfigEntry e) {
            return structured ? StructuredFix.container(doc, e) : "";
        }

        /** The normalized keys of the settings of {@code container} that are not commented out. */
        java.util.Set<String> presentIn(String container) {
            if (presentByContainer == null) {
                presentByContainer = new java.util.HashMap<>();
                for (ConfigEntry other : doc.view(ConfigView.ENTRIES)) {
                    if (!other.commented()) {
                        presentByContainer.computeIfAbsent(container(other), k -> new java.util.HashSet<>())
                                .add(other.normalizedKey());
                    }
                }
            }
            return presentByContainer.getOrDefault(container, java.util.Set.of());
        }

        /** The settings (normalized keys) that the fixes of the credential settings before {@code offset} add. */
        java.util.Set<String> addedBefore(String container, int offset) {
            Earlier list = earlier.get(container);
            return list == null ? java.util.Set.of() : list.addedBefore(offset);
        }

        /**
         * True when the credential has a client id, user name or certificate path beside it: those name the app
         * registration or user that signed in, and would be read as the managed identity's if left behind, so
         * removing the secret alone is not a fix.
         */
        boolean hasSignInSibling(ConfigEntry e) {
            if (signInByParent == null) {
                signInByParent = new java.util.HashMap<>();
                signInEntries = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                for (ConfigEntry other : doc.view(ConfigView.ENTRIES)) {
                    if (!other.commented() && isSignIn(other.normalizedKey())) {
                        signInByParent.merge(parent(other.normalizedKey()), 1, Integer::sum);
                        signInEntries.add(other);
                    }
                }
            }
            String key = e.normalizedKey();
            int self = signInEntries.contains(e) ? 1 : 0; // a setting is not its own sibling
            return signInByParent.getOrDefault(parent(key), 0) - self > 0;
        }

        private static String parent(String normalizedKey) {
            return normalizedKey.substring(0, normalizedKey.lastIndexOf('.') + 1);
        }

        private static boolean isSignIn(String normalizedKey) {
            return SIGN_IN.contains(normalizedKey.substring(normalizedKey.lastIndexOf('.') + 1));
        }

        /** One container's credential settings in document order, decided one after the other as far as asked. */
        private final class Earlier {
            final List<Slotted> slotted = new ArrayList<>();
            /** added.get(i): what the fixes of slotted 0..i add together (the same set while nothing new comes). */
            final List<java.util.Set<String>> added = new ArrayList<>();

            java.util.Set<String> addedBefore(int offset) {
                // decide the settings before offset that are not decided yet; each decision only asks about
                // settings before its own, which are decided by then
                while (added.size() < slotted.size() && slotted.get(added.size()).entry().keyOffset() < offset) {
                    Slotted s = slotted.get(added.size());
                    java.util.Set<String> before = added.isEmpty() ? java.util.Set.of() : added.get(added.size() - 1);
                    boolean fixed = hasFix(doc, new Candidate(s.slot(), s.entry(), s.entry().keyOffset(), "", "",
                            Severity.ERROR, null));
                    java.util.Set<String> now = before;
                    if (fixed) {
                        for (String setting : s.slot().passwordless().split("\n")) {
                            int eq = setting.indexOf('=');
                            String key = eq > 0 ? setting.substring(0, eq).strip() : setting;
                            // in YAML and JSON the global credential settings go under each service's own prefix
                            String normalized = ConfigEntry.normalize(key);
                            if ((!structured || !key.startsWith("spring.cloud.azure.credential."))
                                    && !now.contains(normalized)) {
                                if (now == before) {
                                    now = new java.util.HashSet<>(before);
                                }
                                now.add(normalized);
                            }
                        }
                    }
                    added.add(now);
                }
                int lo = 0;
                int hi = added.size() - 1;
                int found = -1;
                while (lo <= hi) { // the last decided setting before offset
                    int mid = (lo + hi) >>> 1;
                    if (slotted.get(mid).entry().keyOffset() < offset) {
                        found = mid;
                        lo = mid + 1;
                    } else {
                        hi = mid - 1;
                    }
                }
                return found < 0 ? java.util.Set.of() : added.get(found);
            }
        }
    }

    /**
     * Whether a slot's replacement is settings ({@code key=value} lines) a fix can write. A key that only a
     * change of the caller removes (a token instead of a function key) has none: deleting the setting would
     * break the code that reads it.
     */
    private static boolean hasSettings(Slot slot) {
        for (String line : slot.passwordless().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).strip().indexOf(' ') < 0) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> SIGN_IN =
            java.util.Set.of("clientid", "username", "clientcertificatepath", "certificatepath");

    /**
     * The passwordless settings ({key, value}) that replace a candidate's setting, without those the file already
     * has (or that the fix of an earlier credential setting adds); null when one needs a value the file does not
     * name. A user-assigned identity's client id is optional (a system-assigned identity needs none) and is left out.
     */
    static List<String[]> settingsToAdd(Document doc, Candidate c) {
        ConfigEntry e = c.entry();
        FixDecisions decisions = doc.view(DECISIONS);
        // in YAML and JSON, only the settings of the same mapping or list are the credential's siblings: two compose
        // services (or two Kubernetes containers) each need their own
        boolean structured = ConfigView.formatOf(doc) != ConfigView.Format.PROPERTIES;
        String container = decisions.container(e);
        java.util.Set<String> present = structured && StructuredFix.listItem(doc, e) ? decisions.presentIn(container)
                : doc.view(PRESENT);
        java.util.Set<String> added = decisions.addedBefore(container, e.keyOffset());
        if (c.slot().rule().startsWith("MI-ID-") && decisions.hasSignInSibling(e)) {
            return null;
        }
        List<String[]> out = new ArrayList<>();
        for (String setting : fillIn(c.slot().passwordless(), e.value() == null ? "" : e.value()).split("\n")) {
            int eq = setting.indexOf('=');
            String key = eq > 0 ? setting.substring(0, eq).strip() : setting;
            if (eq > 0 && !sameStorageService(e.key(), key)) {
                return null; // the table's settings are for Blob storage: a queue or file share needs its own
            }
            if (setting.contains("  (") || eq <= 0) {
                continue; // a comment-like hint
            }
            String normalized = ConfigEntry.normalize(key);
            if (present.contains(normalized) || added.contains(normalized)) {
                continue; // the setting is already there, or an earlier fix adds it
            }
            String value = setting.substring(eq + 1).strip();
            if (value.contains("<") && value.contains(">")) {
                if (normalized.endsWith("clientid")) {
                    continue;
                }
                return null;
            }
            out.add(new String[] {key, value});
        }
        return out;
    }

    private static final Pattern ACCOUNT = Pattern.compile("(?i)AccountName=([a-z0-9]{3,24})");
    private static final Pattern NAMESPACE = Pattern.compile("(?i)Endpoint=sb://([a-z0-9-]+)\\.");
    private static final Pattern STORE = Pattern.compile("(?i)https://([a-z0-9-]+)\\.azconfig");
    private static final Pattern COSMOS = Pattern.compile("(?i)https://([a-z0-9-]+)\\.documents\\.azure");

    /** Fills {@code <account>}, {@code <namespace>}, {@code <store>} from the value being replaced, when it names them. */
    static String fillIn(String settings, String value) {
        String out = settings;
        for (Object[] p : new Object[][] {{ACCOUNT, "<account>"}, {COSMOS, "<account>"}, {NAMESPACE, "<namespace>"},
                {STORE, "<store>"}}) {
            Matcher m = ((Pattern) p[0]).matcher(value);
            if (m.find()) {
                out = out.replace((String) p[1], m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Wraps a sink so that a value rule's finding inside a credential setting of a properties, YAML or JSON
     * file (a connection string's key, say) carries the slot's fix.
     */
    public static FindingSink withSlotFixes(Document doc, FindingSink sink) {
        ConfigView.Format format = ConfigView.formatOf(doc);
        if (format != ConfigView.Format.PROPERTIES && format != ConfigView.Format.YAML
                && format != ConfigView.Format.JSON) {
            return sink;
        }
        return (finding, secret) -> {
            Fix fix = null;
            if (finding.remediation().fix() == null) {
                var lines = doc.lines();
                int line = finding.location().startLine() - doc.fragment().firstLine();
                if (line >= 0 && line < lines.lineCount()) {
                    int offset = lines.lineStart(line) + finding.location().startColumn() - 1;
                    for (Slotted s : doc.view(SLOTTED)) {
                        ConfigEntry e = s.entry();
                        if (e.valueOffset() >= 0 && offset >= e.valueOffset()
                                && offset < e.valueOffset() + e.rawValue().length()) {
                            fix = fix(doc, new Candidate(s.slot(), e, offset, secret, "", Severity.ERROR, null));
                            break;
                        }
                    }
                }
            }
            sink.accept(fix == null ? finding : finding.withRemediation(finding.remediation().withFix(fix)), secret);
        };
    }

    /** Candidates of {@code ruleId} in a configuration document. */
    public static List<Candidate> find(Document doc, String ruleId) {
        if (ConfigView.formatOf(doc) == ConfigView.Format.NONE) {
            return List.of();
        }
        return doc.view(CANDIDATES).getOrDefault(ruleId, List.of());
    }

    /**
     * Every rule's candidates in a document, by rule id: computed once per document, since a dozen rules ask
     * (matching each setting against the table is most of the cost of a configuration file).
     */
    private static final Document.View<java.util.Map<String, List<Candidate>>> CANDIDATES = ConfigSlots::all;

    private static java.util.Map<String, List<Candidate>> all(Document doc) {
        List<ConfigEntry> entries = doc.view(ConfigView.ENTRIES);
        java.util.Map<String, List<Candidate>> byRule = new java.util.HashMap<>();
        java.util.Map<String, Neighbours> groups = null;
        for (ConfigEntry e : entries) {
            Slot slot = slotOf(e);
            if (slot == null) {
                String last = lastWord(e.normalizedKey());
                if (isConnectionStringWord(last) || last.equals("string")
                        && e.normalizedKey().endsWith("connection.string")) {
                    Slot named = InferredSlots.connectionString(e.key());
                    Candidate c = named == null ? null : classify(named, e, null);
                    if (c != null) {
                        byRule.computeIfAbsent(named.rule(), r -> new ArrayList<>()).add(c);
                    }
                    continue;
                }
                if (isPasswordWord(last) || isKeyWord(last)) {
                    if (groups == null) {
                        groups = groups(entries);
                    }
                    Neighbours n = groups.get(groupOf(e));
                    if (n == null) {
                        n = helmNeighbours(doc, e);
                    }
                    if (isPasswordWord(last)) {
                        if (n != null) {
                            inferredPassword(e, n, byRule);
                        }
                    } else {
                        inferredKey(e, n, byRule);
                    }
                }
                continue;
            }
            String rule = slot.rule();
            String server = null;
            // an environment variable is the application's wherever the file sets it (a Secret and its Deployment)
            int section = isEnvironmentVariableName(e.key().substring(e.key().lastIndexOf('.') + 1)) ? -1 : e.section();
            if (slot.when().equals("azure-db")) {
                JdbcUrl url = doc.view(DATASOURCES).in(section);
                if (url == null) {
                    // a Helm template: the value's neighbours in the chart's values say which database it is
                    Neighbours h = helmNeighbours(doc, e);
                    if (h == null || h.database() == null) {
                        continue;
                    }
                    rule = h.db()[0];
                    server = h.db()[1];
                } else {
                    rule = switch (url.subprotocol()) {
                        case "sqlserver" -> "MI-SQL-JDBC-PASSWORD";
                        case "postgresql" -> "MI-POSTGRES-JDBC-PASSWORD";
                        case "mysql", "mariadb" -> "MI-MYSQL-JDBC-PASSWORD";
                        default -> "";
                    };
                    server = url.host();
                }
            } else if (slot.when().equals("azure-redis") && !e.normalizedKey().startsWith("azure.")
                    && !doc.view(AZURE_REDIS).in(section)) {
                Neighbours h = helmNeighbours(doc, e);
                if (h == null || h.cache() == null) {
                    continue;
                }
            } else if (slot.when().equals("entra") && !isEntraRegistration(doc, e)) {
                continue;
            }
            Candidate c = rule.isEmpty() ? null : classify(slot, e, server);
            if (c != null) {
                byRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(c);
            }
        }
        return byRule;
    }

    /**
     * What the settings under one parent point at, each the first such setting in the file: an Azure database
     * ({rule, host}), a storage account (its endpoint, or an account name under a parent that says storage), and
     * the host of any catalogue service whose keys have a known shape (a cache, a Cosmos DB account, a search
     * service, a function app, an API Management gateway…), by service. Decided once per parent, so that a file
     * of many credential settings stays linear.
     */
    private record Neighbours(ConfigEntry database, String[] db, ConfigEntry storage,
            java.util.Map<String, ConfigEntry> services) {

        ConfigEntry cache() {
            return services.get("redis");
        }
    }

    /** The settings of a document by section and parent, with what they point at; parents pointing at nothing are left out. */
    private static java.util.Map<String, Neighbours> groups(List<ConfigEntry> entries) {
        java.util.Map<String, ConfigEntry[]> found = new java.util.LinkedHashMap<>();
        java.util.Map<String, String[]> databases = new java.util.HashMap<>();
        java.util.Map<String, java.util.Map<String, ConfigEntry>> services = new java.util.HashMap<>();
        for (ConfigEntry e : entries) {
            if (e.value() == null || e.value().isBlank()) {
                continue;
            }
            String group = groupOf(e);
            ConfigEntry[] f = found.computeIfAbsent(group, g -> new ConfigEntry[2]);
            String last = lastWord(e.normalizedKey());
            if (f[0] == null) {
                String[] db = azureDatabaseIn(last, e.value());
                if (db != null) {
                    f[0] = e;
                    databases.put(group, db);
                }
            }
            String host = hostOf(e.value()).orElse("");
            if (!host.isEmpty()) {
                AzureCatalogue.get().serviceOfHost(host).filter(svc -> !svc.keyShapes().isEmpty()
                        && !svc.key().startsWith("storage")).ifPresent(svc -> services
                        .computeIfAbsent(group, g -> new java.util.HashMap<>()).putIfAbsent(svc.key(), e));
            }
            boolean saysStorage = group.endsWith("\u0000env") ? e.normalizedKey().contains("storage")
                    : group.substring(group.indexOf('\n') + 1).contains("storage");
            if (f[1] == null && ((last.equals("account") || last.endsWith("accountname") || last.equals("name"))
                    && saysStorage || isStorageEndpoint(e.value()))) {
                f[1] = e;
            }
        }
        java.util.Map<String, Neighbours> groups = new java.util.HashMap<>();
        found.forEach((group, f) -> {
            java.util.Map<String, ConfigEntry> svc = services.getOrDefault(group, java.util.Map.of());
            if (f[0] != null || f[1] != null || !svc.isEmpty()) {
                groups.put(group, new Neighbours(f[0], databases.get(group), f[1], svc));
            }
        });
        return groups;
    }

    /**
     * The parent a setting shares with its neighbours: the path before its last name ({@code orders.db} of
     * {@code orders.db.pass}); for an environment variable ({@code FUNC_MASTER_KEY}, {@code PAYMENTS_STORAGE_ACCOUNT}),
     * whose words are not a path, its first word (the application's prefix), anywhere in the file.
     */
    private static String groupOf(ConfigEntry e) {
        String k = e.normalizedKey();
        String name = e.key().substring(e.key().lastIndexOf('.') + 1);
        if (isEnvironmentVariableName(name)) {
            // the variables of one application, wherever the file sets them: a .env file, a compose service's
            // environment, a Kubernetes Secret and the Deployment beside it in the same file
            String first = ConfigEntry.normalize(name);
            int dot = first.indexOf('.');
            return "\n" + (dot < 0 ? "" : first.substring(0, dot)) + "\u0000env";
        }
        int dot = k.lastIndexOf('.');
        return e.section() + "\n" + (dot < 0 ? "" : k.substring(0, dot));
    }

    /** The settings of a document by parent ({@link #groupOf}), made once per document. */
    private static final Document.View<java.util.Map<String, List<ConfigEntry>>> BY_PARENT = doc -> {
        java.util.Map<String, List<ConfigEntry>> out = new java.util.HashMap<>();
        for (ConfigEntry e : doc.view(ConfigView.ENTRIES)) {
            out.computeIfAbsent(groupOf(e), g -> new ArrayList<>()).add(e);
        }
        return out;
    };

    /** The shape of an Azure resource name (a namespace, an account, a store) as a setting writes it. */
    private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    /** A name that stands for one in documentation ({@code your-namespace}, {@code example}, {@code changeme}). */
    private static final Pattern DEMO_NAME = Pattern.compile(
            "(?:your|my-|example|sample|placeholder|changeme|replace|todo|xxx|name(?:space)?(?:[.-]|$))");

    /**
     * The name of the {@code service} resource that a credential setting's neighbours (the settings under the same
     * parent) point at, or null: a neighbour whose value is a host of that service (the name is the host's first
     * label: {@code orders-bus} of {@code orders-bus.servicebus.windows.net}), else a neighbour whose last word says
     * it names the resource ({@code namespace}, {@code account}, {@code account-name}, {@code name}) and whose value
     * has the shape of a resource name. Placeholders and documentation names ({@code your-namespace}) name nothing.
     * The first such neighbour in the file wins.
     */
    public static String resourceNear(Document doc, ConfigEntry e, AzureCatalogue.Service service) {
        String hostName = null;
        String named = null;
        for (ConfigEntry n : doc.view(BY_PARENT).getOrDefault(groupOf(e), List.of())) {
            if (n == e || n.value() == null || n.value().isBlank()) {
                continue;
            }
            String value = n.value().strip().toLowerCase(Locale.ROOT);
            String host = hostOf(value).orElse("");
            if (hostName == null && host.indexOf('.') > 0 && !Placeholders.isPlaceholder(value)
                    && !DEMO_NAME.matcher(host).lookingAt() && AzureCatalogue.get().serviceOfHost(host)
                    .filter(svc -> svc.key().equals(service.key())).isPresent()) {
                hostName = host.substring(0, host.indexOf('.'));
            }
            String last = lastWord(n.normalizedKey());
            if (named == null && (last.equals("namespace") || last.equals("account") || last.endsWith("accountname")
                    || last.equals("name")) && RESOURCE_NAME.matcher(value).matches()
                    && !DEMO_NAME.matcher(value).lookingAt()) {
                named = value;
            }
        }
        return hostName != null ? hostName : named;
    }

    private static String lastWord(String normalizedKey) {
        return normalizedKey.substring(normalizedKey.lastIndexOf('.') + 1);
    }

    /** Which of {@code options} comes first in the file, leaving out none and {@code e} itself; -1 when none is left. */
    private static int earliest(ConfigEntry e, ConfigEntry... options) {
        int best = -1;
        for (int i = 0; i < options.length; i++) {
            ConfigEntry o = options[i];
            if (o != null && o != e && (best < 0 || o.keyOffset() < options[best].keyOffset())) {
                best = i;
            }
        }
        return best;
    }

    /**
     * A setting of the application's own naming ({@code orders.jdbc.pass}, {@code app.ledger.password},
     * {@code LEDGER_DB_PASSWORD}) is a database password when its last word says password and a setting beside
     * it, under the same parent, points at an Azure database: a JDBC or R2DBC URL, or a host. A password beside
     * no Azure database is not reported (other databases are not ours), and neither is a value that does not
     * look like one. Such a setting has no fix: the code that reads it changes too. Beside an Azure cache host it
     * is the cache's access key.
     */
    private static void inferredPassword(ConfigEntry e, Neighbours n, java.util.Map<String, List<Candidate>> byRule) {
        int first = earliest(e, n.database(), n.cache());
        if (first == 0) {
            Candidate c = classify(DB_SLOT, e, n.db()[1]);
            if (c != null && (!c.secret() || CredentialValues.isPlausiblePassword(literalOf(e)))) {
                byRule.computeIfAbsent(n.db()[0], r -> new ArrayList<>()).add(c);
            }
        } else if (first == 1) {
            inferred(REDIS_SLOT, e, KeyShapes.is32ByteKey(literalOf(e)), byRule);
        }
    }

    /**
     * The rule of a credential setting given by name alone, as a deployment command sets it ({@code az webapp
     * config appsettings set --settings AzureWebJobsStorage=…}): a standard setting of the table, or a connection
     * string whose name names one service. Null when the name says no credential or no single service.
     */
    public static Slot slotOfSetting(String name) {
        if (name.contains("__")) {
            return null; // identity-based settings (X__accountName, X__credential) hold no credential
        }
        Slot slot = slotOf(name);
        if (slot != null) {
            return slot.rule().equals("DB") || !slot.when().isEmpty() && !slot.when().equals("environment") ? null
                    : slot;
        }
        String normalized = ConfigEntry.normalize(name);
        String last = lastWord(normalized);
        if (isConnectionStringWord(last) || last.equals("string") && normalized.endsWith("connection.string")) {
            return InferredSlots.connectionString(name);
        }
        return null;
    }

    /** The key-based-auth rules {@link #slotOfSetting} can lead to, through their secret rules. */
    public static java.util.Set<String> settingRules() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        TABLE.stream().map(Slot::rule).filter(r -> !r.equals("DB")).forEach(out::add);
        return out;
    }

    /**
     * Whether a Spring Security OAuth2 client registration is one of Microsoft Entra ID: its id says so
     * ({@code azure}, {@code aad}, {@code entra}) or the file points at the Entra authority.
     */
    private static boolean isEntraRegistration(Document doc, ConfigEntry e) {
        String k = e.normalizedKey();
        String id = k.replaceFirst("^.*registration\\.", "").replaceFirst("\\..*$", "");
        if (id.contains("azure") || id.contains("aad") || id.contains("entra") || id.contains("microsoft")) {
            return true;
        }
        String text = doc.text().toLowerCase(Locale.ROOT);
        return text.contains("login.microsoftonline.com") || text.contains("login.microsoftonline.us")
                || text.contains("login.partner.microsoftonline.cn") || text.contains("ciamlogin.com");
    }

    private static final Pattern HELM_VALUE = Pattern.compile("\\{\\{-?\\s*\\.Values\\.([A-Za-z0-9_.-]{1,200})");

    /**
     * For a setting of a Helm template filled from the chart's values ({@code {{ .Values.database.password }}}):
     * the neighbours of that value in the chart's values files (its host, endpoint or URL beside it), or null.
     */
    private static Neighbours helmNeighbours(Document doc, ConfigEntry e) {
        if (e.value() == null || e.value().indexOf(".Values.") < 0) {
            return null;
        }
        Matcher m = HELM_VALUE.matcher(e.value());
        if (!m.find()) {
            return null;
        }
        String ref = ConfigEntry.normalize(m.group(1));
        dev.miscan.core.parse.config.SettingsIndex index = doc.view(dev.miscan.core.parse.config.SettingsIndex.VIEW);
        for (List<ConfigEntry> values : index.helmValues(doc.path())) {
            Neighbours n = helmValues(index, values).get(ref);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /**
     * The neighbours of each setting of a chart's values file, by its normalized key: for a key the file sets more
     * than once, those of the first of its settings whose parent points at something. Made once per values file and
     * scan, since every template of the chart asks (a chart of many templates was quadratic in its values), and
     * shared by the scanning threads: the index holds each file's settings once, so they are known by identity.
     */
    private static java.util.Map<String, Neighbours> helmValues(dev.miscan.core.parse.config.SettingsIndex index,
            List<ConfigEntry> values) {
        // once per values file and scan: every template value that reads .Values asks
        return index.derived(values, "config.helmNeighbours", v -> {
            java.util.Map<String, Neighbours> groups = groups(v);
            java.util.Map<String, Neighbours> byKey = new java.util.HashMap<>();
            for (ConfigEntry e : v) {
                Neighbours n = groups.get(groupOf(e));
                if (n != null) {
                    byKey.putIfAbsent(e.normalizedKey(), n);
                }
            }
            return byKey;
        });
    }

    /** The catalogue services with key shapes a setting's name names ({@code storage} for any storage service). */
    private static java.util.Set<String> namedKeyServices(String key) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String svc : AzureCatalogue.get().servicesNamedIn(key)) {
            String k = svc.startsWith("storage") ? "storage" : svc;
            if (k.equals("storage") || !AzureCatalogue.get().service(k).keyShapes().isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    /** The last word of a setting that holds a connection string ({@code connection-string}, {@code conn-str}, {@code connection}). */
    private static boolean isConnectionStringWord(String last) {
        return last.endsWith("connectionstring") || last.equals("connstr") || last.endsWith("connstring")
                || last.equals("connection");
    }

    /**
     * Words ending in "key" that name something other than a credential: a partition, row, sort or routing key,
     * a public key, a cache or idempotency key, a key's header name.
     */
    private static final Pattern NOT_A_CREDENTIAL_KEY = Pattern.compile(
            "(?:partition|row|sort|hash|routing|public|cache|idempotency|foreign|lookup|dedup(?:lication)?|message|"
                    + "session|correlation|ssh|gpg|pgp|license|licence|unique|composite|natural|surrogate|map|group|"
                    + "order|index|object|file|header|name|id)key");

    /**
     * The last word of a setting that holds a key: key or secret, or a word ending in key that names one
     * (account, access, shared, storage, primary, secondary, master, subscription, function, host, admin, query,
     * api… key), not a partition, routing or public key.
     */
    private static boolean isKeyWord(String last) {
        return last.equals("key") || last.equals("secret")
                || last.endsWith("key") && last.length() > 3 && !NOT_A_CREDENTIAL_KEY.matcher(last).matches();
    }

    /**
     * A setting of the application's own naming whose last word says key or secret ({@code backup.storage.secret},
     * {@code ARCHIVE_ACCOUNT_KEY}, {@code search.admin-key}) is the key of the service a setting beside it points
     * at: a storage account (a storage endpoint in its value, or an account name under a parent that says storage),
     * or the host of a catalogue service whose keys have a known shape (a cache, a Cosmos DB account, a search
     * service, a function app, an API Management gateway…). The setting nearest the top of the file among them
     * decides. A literal must have one of the service's key shapes; anything else is not reported. Such a setting
     * has no fix.
     */
    private static void inferredKey(ConfigEntry e, Neighbours n, java.util.Map<String, List<Candidate>> byRule) {
        // a name that names services ("ORDERS_FUNC_KEY", "search.admin-key") takes its key from one of them
        java.util.Set<String> named = namedKeyServices(e.key());
        ConfigEntry best = n == null || n.storage() == e || !named.isEmpty() && !named.contains("storage") ? null
                : n.storage();
        String service = best == null ? null : "storage";
        for (java.util.Map.Entry<String, ConfigEntry> s : n == null ? java.util.Set.<java.util.Map.Entry<String,
                ConfigEntry>>of() : n.services().entrySet()) {
            ConfigEntry o = s.getValue();
            if (!named.isEmpty() && !named.contains(s.getKey())) {
                continue;
            }
            if (o != e && (best == null || o.keyOffset() < best.keyOffset()
                    || o.keyOffset() == best.keyOffset() && s.getKey().compareTo(service) < 0)) {
                best = o;
                service = s.getKey();
            }
        }
        if (service == null && named.size() == 1) {
            // no neighbour, but the name says whose key it is: only a literal of that service's key shape counts
            service = named.iterator().next();
            String literal = literalOf(e);
            Slot slot = service.equals("storage") ? STORAGE_KEY_SLOT : InferredSlots.of(service);
            boolean shaped = service.equals("storage") ? KeyShapes.is64ByteKey(literal)
                    : AzureCatalogue.get().service(service).keyShapes().stream().anyMatch(sh -> KeyShapes.matches(sh, literal));
            if (slot != null && shaped && !CredentialValues.isReference(literal)) {
                inferred(slot, e, true, byRule);
            }
            return;
        }
        if (service == null) {
            return;
        }
        String literal = literalOf(e);
        if (service.equals("storage")) {
            inferred(STORAGE_KEY_SLOT, e, KeyShapes.is64ByteKey(literal), byRule);
            return;
        }
        Slot slot = InferredSlots.of(service);
        if (slot != null) {
            inferred(slot, e, AzureCatalogue.get().service(service).keyShapes().stream()
                    .anyMatch(shape -> KeyShapes.matches(shape, literal)), byRule);
        }
    }

    /**
     * Reports credential setting {@code e} as the key of {@code slot}'s service: key-based authentication when it
     * is filled from elsewhere, a secret when it is a literal of the key's shape ({@code shaped}).
     */
    private static void inferred(Slot slot, ConfigEntry e, boolean shaped, java.util.Map<String, List<Candidate>> byRule) {
        Candidate c = classify(slot, e, null);
        if (c != null && (!c.secret() || shaped)) {
            byRule.computeIfAbsent(slot.rule(), r -> new ArrayList<>()).add(c);
        }
    }

    /** Whether a value is, or holds, the endpoint of a storage account ({@code https://x.blob.core.windows.net}). */
    private static boolean isStorageEndpoint(String value) {
        return hostOf(value).flatMap(h -> AzureCatalogue.get().serviceOfHost(h))
                .map(svc -> svc.key().startsWith("storage")).orElse(false);
    }

    /** The host a value is or starts with ({@code https://host:port/path}, {@code host:port}), if any. */
    private static java.util.Optional<String> hostOf(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int scheme = v.indexOf("://");
        String host = scheme >= 0 ? v.substring(scheme + 3) : v;
        int end = 0;
        while (end < host.length() && (Character.isLetterOrDigit(host.charAt(end)) || host.charAt(end) == '.'
                || host.charAt(end) == '-')) {
            end++;
        }
        return end == 0 ? java.util.Optional.empty() : java.util.Optional.of(host.substring(0, end));
    }

    /** The literal a setting holds, decoded (escapes, continuation lines), or the default of a placeholder. */
    private static String literalOf(ConfigEntry e) {
        String value = e.value() == null ? "" : e.value().strip();
        Matcher d = DEFAULTED.matcher(value);
        return d.matches() ? d.group(2) : value;
    }

    /** The last word of a setting that holds a password, not one of a key store, a certificate or a proxy. */
    private static boolean isPasswordWord(String last) {
        boolean password = last.equals("pass") || last.endsWith("password") || last.endsWith("passwd")
                || last.endsWith("pwd");
        return password && !(last.contains("store") || last.contains("cert") || last.contains("key")
                || last.contains("ssl") || last.contains("proxy") || last.contains("pfx"));
    }

    /**
     * The rule and host of the Azure database a setting names, as {rule, host}, or null: a JDBC/R2DBC URL in
     * its value, or a host in a setting whose last word says host or server.
     */
    private static String[] azureDatabaseIn(String lastWord, String value) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        String host = null;
        int j = lower.indexOf("jdbc:");
        int r = lower.indexOf("r2dbc:");
        if (j >= 0) {
            host = JdbcUrl.at(v, j).map(JdbcUrl::host).orElse(null);
        } else if (r >= 0) {
            host = JdbcUrl.at("jdbc:" + v.substring(r + 6), 0).map(JdbcUrl::host).orElse(null);
        } else if (lastWord.endsWith("host") || lastWord.endsWith("hostname") || lastWord.endsWith("server")
                || lastWord.endsWith("servername") || lastWord.equals("fqdn")) {
            int colon = v.indexOf(':');
            host = colon > 0 ? v.substring(0, colon) : v;
        }
        if (host == null) {
            return null;
        }
        String h = host;
        return AzureCatalogue.get().serviceOfHost(h, "sql", "postgres", "mysql").map(service -> new String[] {
                switch (service.key()) {
                    case "sql" -> "MI-SQL-JDBC-PASSWORD";
                    case "postgres" -> "MI-POSTGRES-JDBC-PASSWORD";
                    default -> "MI-MYSQL-JDBC-PASSWORD";
                }, h}).orElse(null);
    }

    private static Candidate classify(Slot slot, ConfigEntry e, String server) {
        String what = describe(slot.kind());
        if (e.reference()) {
            String from = e.value() != null && e.value().startsWith("*")
                    ? "the YAML anchor " + e.value().substring(1) + " (reported there)" : "a Kubernetes secret";
            return e.commented() ? null : keyBased(slot, e, what + " comes from " + from, server);
        }
        String value = e.value() == null ? "" : e.value().strip();
        if (value.isEmpty()) {
            return null;
        }
        int offset = e.valueOffset();
        Matcher d = DEFAULTED.matcher(value);
        if (d.matches()) {
            String literal = d.group(2);
            int at = e.rawValue().indexOf(literal);
            value = literal;
            offset = at >= 0 && e.valueOffset() >= 0 ? e.valueOffset() + at : e.valueOffset();
            if (Placeholders.isPlaceholder(literal)) {
                return keyBased(slot, e, what + " comes from ${" + d.group(1) + "}", server);
            }
        } else if (CredentialValues.isEntraToken(value)) {
            return null;
        } else if (CredentialValues.isReference(value)) {
            return e.commented() ? null : keyBased(slot, e, what + " comes from " + CredentialValues.referenceName(value), server);
        }
        if (KnownNonSecrets.isKnownNonSecret(value)) {
            return null;
        }
        if (slot.kind() != Kind.CONNSTR && slot.kind() != Kind.SAS && Placeholders.isPlaceholder(value)) {
            return null;
        }
        switch (slot.kind()) {
            case CONNSTR, SAS -> {
                return connectionString(slot, e, value, server);
            }
            case KEY -> {
                if (!(KeyShapes.is64ByteKey(value) || KeyShapes.is32ByteKey(value)
                        || value.length() >= 32 && KeyShapes.base64RunLength(value, 0) == value.length()
                        && KeyShapes.looksRandom(value))) {
                    return null;
                }
            }
            case SECRET -> {
                if (value.length() < 8 || value.contains(" ") || isGuid(value)) {
                    return null;
                }
            }
            case APIKEY -> {
                if (value.length() < 16 || value.contains(" ")) {
                    return null;
                }
            }
            case PASSWORD -> {
                if (value.length() < 3) {
                    return null;
                }
            }
            default -> {
                return null;
            }
        }
        if (offset < 0) {
            return null;
        }
        String secret = e.rawValue().startsWith(value) || offset != e.valueOffset() ? value : e.rawValue();
        return new Candidate(slot, e, offset, secret, (e.commented() ? "Commented-out " + what : cap(what))
                + " in '" + e.key() + "'" + (server != null ? " for '" + server + "'" : "") + ".", Severity.ERROR,
                server);
    }

    /** A literal connection string: the value rules report its key; a placeholder key inside it is key-based auth. */
    private static Candidate connectionString(Slot slot, ConfigEntry e, String value, String server) {
        ConnectionStrings.Segment seg = new ConnectionStrings.Segment(value, 0, value.length());
        for (String k : new String[] {"AccountKey", "SharedAccessKey", "AccessKey", "Secret", "Password", "Pwd",
                "SharedAccessSignature", "sig"}) {
            var v = seg.get(k);
            if (v.isPresent() && CredentialValues.isReference(v.get().value())) {
                return keyBased(slot, e, "the " + k + " of this connection string comes from "
                        + CredentialValues.referenceName(v.get().value()), server);
            }
        }
        return null;
    }

    private static Candidate keyBased(Slot slot, ConfigEntry e, String why, String server) {
        String text = e.value() == null || e.value().isEmpty() ? e.key() : e.value();
        return new Candidate(slot, e, e.keyOffset(), text, "Key-based authentication: '" + e.key() + "' is set and "
                + why + "; with Managed Identity the setting is not needed.", Severity.WARNING, server);
    }

    private static boolean isGuid(String v) {
        return v.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case CONNSTR -> "the connection string";
            case KEY -> "an access key";
            case SECRET -> "a client secret";
            case PASSWORD -> "a password";
            case SAS -> "a SAS token";
            case APIKEY -> "an API key";
        };
    }

    private static String cap(String s) {
        String t = s.startsWith("the ") ? s.substring(4) : s.startsWith("an ") ? s.substring(3)
                : s.startsWith("a ") ? s.substring(2) : s;
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /**
     * The JDBC URL of the datasource of each section of a document, when it points at an Azure database: the first
     * such setting of the section, and the first of the whole file for a setting of no one section (an environment
     * variable, section -1). Made once per document, since every datasource password of the file asks.
     */
    private record Datasources(JdbcUrl anywhere, java.util.Map<Integer, JdbcUrl> bySection) {

        JdbcUrl in(int section) {
            return section < 0 ? anywhere : bySection.get(section);
        }
    }

    private static final Document.View<Datasources> DATASOURCES = doc -> {
        JdbcUrl anywhere = null;
        java.util.Map<Integer, JdbcUrl> bySection = new java.util.HashMap<>();
        for (ConfigEntry e : doc.view(ConfigView.ENTRIES)) {
            JdbcUrl url = datasourceUrl(e);
            if (url != null) {
                anywhere = anywhere == null ? url : anywhere;
                bySection.putIfAbsent(e.section(), url);
            }
        }
        return new Datasources(anywhere, bySection);
    };

    /** The JDBC URL a datasource setting holds, when it points at an Azure database, or null. */
    private static JdbcUrl datasourceUrl(ConfigEntry e) {
        String k = e.normalizedKey();
        if ((k.endsWith("datasource.url") || k.endsWith("datasource.jdbc.url") || k.endsWith("jdbc.url")
                || k.endsWith("datasources.default.url") || k.endsWith("hibernate.connection.url")
                || k.endsWith("datasource.hikari.jdbcurl") || k.endsWith("flyway.url")
                || k.endsWith("liquibase.url")) && e.value() != null) {
            String v = e.value().strip();
            int j = v.toLowerCase(Locale.ROOT).indexOf("jdbc:");
            if (j >= 0) {
                JdbcUrl url = JdbcUrl.at(v, j).orElse(null);
                if (url != null && isAzureDatabase(url.host())) {
                    return url;
                }
            }
        }
        return null;
    }

    static boolean isAzureDatabase(String host) {
        return AzureCatalogue.get().serviceOfHost(host, "sql", "postgres", "mysql").isPresent();
    }

    /**
     * The sections of a document that set an Azure Cache for Redis host; a setting of no one section (an
     * environment variable, section -1) asks whether any setting of the file does. Made once per document, since
     * every Redis password of the file asks.
     */
    private record AzureRedis(boolean anywhere, java.util.Set<Integer> sections) {

        boolean in(int section) {
            return section < 0 ? anywhere : sections.contains(section);
        }
    }

    private static final Document.View<AzureRedis> AZURE_REDIS = doc -> {
        List<String> suffixes = AzureCatalogue.get().service("redis").hostSuffixes();
        java.util.Set<Integer> sections = new java.util.HashSet<>();
        for (ConfigEntry e : doc.view(ConfigView.ENTRIES)) {
            String k = e.normalizedKey();
            if (k.endsWith("redis.host") || k.endsWith("redis.url") || k.endsWith("redis.hostname")) {
                String v = e.value() == null ? "" : e.value().toLowerCase(Locale.ROOT);
                if (suffixes.stream().anyMatch(v::contains)) {
                    sections.add(e.section());
                }
            }
        }
        return new AzureRedis(!sections.isEmpty(), sections);
    };
}
