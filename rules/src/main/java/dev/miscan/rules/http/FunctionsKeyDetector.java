package dev.miscan.rules.http;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.rules.support.CredentialValues;
import dev.miscan.rules.support.Remedies;
import java.util.Locale;

/**
 * An Azure Functions key in the query string of a function's URL ({@code https://app.azurewebsites.net/api/f?code=…}),
 * in any file. The key must have a Functions key's shape; {@code code=} on another host (an OAuth authorization
 * code, a promo code) is not one. {@code ?code=$FUNC_KEY} or a key appended in code ({@code "…?code=" + key}) is
 * key-based authentication.
 */
@DetectorInfo(rules = {"MI-FUNCTIONS-KEY", "MI-FUNCTIONS-KEY-AUTH"}, keywords = {"code="}, precedence = 20)
public final class FunctionsKeyDetector extends Detector {
    private static final int MAX_URL = 600;

    @Override
    public Remediation exampleRemediation() {
        return Remedies.catalogue("functions", null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        String text = doc.text();
        AzureCatalogue.Service functions = AzureCatalogue.get().service("functions");
        for (int at : doc.occurrences("code=")) {
            if (at == 0 || text.charAt(at - 1) != '?' && text.charAt(at - 1) != '&') {
                continue;
            }
            String app = functionApp(text, at, functions);
            if (app == null) {
                continue;
            }
            int start = at + "code=".length();
            int end = start;
            while (end < text.length() && end - start < 200 && "&\"'`#) \t\r\n<>;,".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String raw = text.substring(start, end);
            String key = raw.replace("%3D", "=").replace("%3d", "=");
            if (key.isEmpty()) {
                if (appendedInCode(text, end)) {
                    report(doc, sink, "MI-FUNCTIONS-KEY-AUTH", at, text.substring(at, end + 1), "Key-based"
                            + " authentication: the call to the function app '" + app + "' appends a function key to"
                            + " its URL; with Microsoft Entra authentication the call sends a token instead.",
                            Remedies.catalogue("functions", app));
                }
                continue;
            }
            if (CredentialValues.isReference(key)) {
                report(doc, sink, "MI-FUNCTIONS-KEY-AUTH", start, raw, "Key-based authentication: the call to the"
                        + " function app '" + app + "' sends a function key from " + CredentialValues.referenceName(key)
                        + "; with Microsoft Entra authentication the call sends a token instead.",
                        Remedies.catalogue("functions", app));
            } else if (KeyShapes.isFunctionsKey(key)) {
                report(doc, sink, "MI-FUNCTIONS-KEY", start, raw, "Azure Functions key of the function app '" + app
                        + "' in a URL: anyone who has the URL can call the function.",
                        Remedies.catalogue("functions", app));
            }
        }
    }

    /** The function app whose URL the query string at {@code at} belongs to, or null. */
    private static String functionApp(String text, int at, AzureCatalogue.Service functions) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        int from = Math.max(lineStart, at - MAX_URL);
        String before = text.substring(from, at).toLowerCase(Locale.ROOT);
        int scheme = Math.max(before.lastIndexOf("https://"), before.lastIndexOf("http://"));
        if (scheme < 0) {
            return null;
        }
        String rest = before.substring(before.indexOf("//", scheme) + 2);
        int end = 0;
        while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '.'
                || rest.charAt(end) == '-')) {
            end++;
        }
        String host = rest.substring(0, end);
        if (!functions.isHost(host) || rest.substring(end).chars().anyMatch(c -> c == ' ' || c == '"' || c == '\'')) {
            return null;
        }
        return host.substring(0, host.indexOf('.'));
    }

    /** {@code "…?code=" + key}, {@code '…&code=' . $key}: the string ends and something is appended to it. */
    private static boolean appendedInCode(String text, int end) {
        if (end >= text.length() || text.charAt(end) != '"' && text.charAt(end) != '\'') {
            return false;
        }
        int i = end + 1;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '.');
    }
}
