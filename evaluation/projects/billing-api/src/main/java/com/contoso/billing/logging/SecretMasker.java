package com.contoso.billing.logging;

import java.util.List;
import java.util.regex.Pattern;

/** Masks credentials before anything reaches the logs. */
public final class SecretMasker {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(AccountKey=)[^;]+"),
            Pattern.compile("(SharedAccessKey=)[^;]+"),
            Pattern.compile("(sig=)[^&\\s]+"),
            Pattern.compile("(password=)[^;]+", Pattern.CASE_INSENSITIVE));

    private SecretMasker() {
    }

    public static String mask(String s) {
        String out = s;
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll("$1***");
        }
        return out;
    }
}
