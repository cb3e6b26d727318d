package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an ARM template expression ({@code [concat('a', listKeys(parameters('sa'), '2023-01-01').keys[0].value)]})
 * for what it reads and calls, without evaluating it: {@code parameters('x')} becomes the reference
 * {@code param:x}, {@code variables('x')} {@code var:x}, and a resource type given to {@code resourceId},
 * {@code reference} or {@code list*} becomes {@code type:Microsoft.Storage/storageAccounts}.
 */
final class ArmExpressions {
    private static final Set<String> TYPED = Set.of("resourceid", "reference", "subscriptionresourceid",
            "extensionresourceid", "tenantresourceid");

    private ArmExpressions() {
    }

    /** An expression value for the JSON string {@code source} ({@code [ … ]}) at {@code start..end}. */
    static IacValue parse(String source, int start, int end) {
        List<String> refs = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        String s = source;
        int n = s.length();
        int i = 1;
        String pendingFunction = null;
        while (i < n - 1) {
            char c = s.charAt(i);
            if (c == '\'') {
                int close = i + 1;
                StringBuilder lit = new StringBuilder();
                while (close < n) {
                    if (s.charAt(close) == '\'') {
                        if (close + 1 < n && s.charAt(close + 1) == '\'') {
                            lit.append('\'');
                            close += 2;
                            continue;
                        }
                        break;
                    }
                    lit.append(s.charAt(close));
                    close++;
                }
                if (pendingFunction != null) {
                    String fn = pendingFunction.toLowerCase(Locale.ROOT);
                    if (fn.equals("parameters")) {
                        refs.add("param:" + lit);
                    } else if (fn.equals("variables")) {
                        refs.add("var:" + lit);
                    } else if ((TYPED.contains(fn) || fn.startsWith("list")) && lit.indexOf("/") > 0) {
                        refs.add("type:" + lit);
                    }
                }
                pendingFunction = null;
                i = close + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                String word = s.substring(i, j);
                int k = j;
                while (k < n && s.charAt(k) == ' ') {
                    k++;
                }
                boolean member = i > 0 && s.charAt(i - 1) == '.';
                if (k < n && s.charAt(k) == '(') {
                    calls.add(word);
                    pendingFunction = word;
                    i = k + 1;
                    continue;
                }
                if (member) {
                    refs.add("." + word);
                }
                pendingFunction = null;
                i = j;
            } else {
                if (c != ' ' && c != '(') {
                    pendingFunction = null;
                }
                i++;
            }
        }
        return IacValue.expression(source, start, end, refs, calls, List.of());
    }
}
