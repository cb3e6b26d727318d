package dev.miscan.rules.data;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.support.Remedies;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@DetectorInfo(
        rules = "MI-ACR-ADMIN-CREDS",
        keywords = {"azurecr.io"},
        precedence = 20)
public final class ContainerRegistryPasswordRule extends Detector {
    /** A password setting near the registry name: JSON (Docker config), YAML or properties. */
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)(?:\"password\"\\s*:\\s*\"|password\\s*[=:]\\s*[\"']?)([^\\s\"',;]{8,})");
    /** A command-line password, which must be on the registry's own line ({@code docker login … -p …}). */
    private static final Pattern FLAG = Pattern.compile("(?i)(?:^|\\s)(?:-p|--password)[ =]+[\"']?([^\\s\"',;]{8,})");
    private static final Pattern REGISTRY = Pattern.compile("(?i)([a-z0-9-]{5,50})\\.azurecr\\.io");
    private static final int CONTEXT = 4000;

    @Override
    public Remediation exampleRemediation() {
        return Remedies.containerRegistry(null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        String text = doc.text();
        Set<Integer> seen = new HashSet<>();
        for (int at : doc.occurrences("azurecr.io")) {
            // from the registry's line to three lines below, but not past the end of its JSON object
            // bounded either side, so that a file of one long line costs no more per occurrence than any other
            int lineStart = Math.max(doc.lines().lineStart(doc.lines().lineOf(at)), at - CONTEXT);
            int end = ConnectionStrings.window(text, at, 3).end();
            int brace = text.substring(at, Math.max(at, end)).indexOf('}');
            if (brace >= 0) {
                end = at + brace;
            }
            Matcher registry = REGISTRY.matcher(text).region(Math.max(0, at - 60), Math.min(text.length(), at + 10));
            String name = registry.find() ? registry.group(1).toLowerCase(Locale.ROOT) : null;
            int lineEnd = Math.min(doc.lines().lineEnd(doc.lines().lineOf(at)), at + CONTEXT);
            for (Matcher m : new Matcher[] {PASSWORD.matcher(text).region(lineStart, Math.max(lineStart, end)),
                    FLAG.matcher(text).region(lineStart, lineEnd)}) {
                while (m.find()) {
                    String value = m.group(1);
                    if (!seen.add(m.start(1)) || Placeholders.isPlaceholder(value) || value.startsWith("$")) {
                        continue;
                    }
                    report(doc, sink, m.start(1), value, "Password for the container registry"
                            + (name != null ? " '" + name + ".azurecr.io'" : "") + ".",
                            Remedies.containerRegistry(name));
                }
            }
        }
    }
}
