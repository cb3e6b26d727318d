package dev.miscan.core.parse.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code KEY=VALUE} lines: {@code .env} files ({@code export}, quotes, comments) and Dockerfile {@code ENV}. */
final class EnvReader {
    private static final Pattern LINE = Pattern.compile(
            "^[ \\t]*(?:export[ \\t]+|ENV[ \\t]+|ARG[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)(?:[ \\t]*=[ \\t]*|[ \\t]+(?=\\S))(.*)$",
            Pattern.MULTILINE);

    private EnvReader() {
    }

    static List<ConfigEntry> read(String text) {
        List<ConfigEntry> out = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            String line = m.group();
            if (line.stripLeading().startsWith("#") || line.stripLeading().matches("(?i)(RUN|FROM|COPY|CMD|ENTRYPOINT|WORKDIR|EXPOSE|LABEL|USER|VOLUME|ADD)\\s.*")) {
                continue;
            }
            String raw = m.group(2).strip();
            int valueStart = m.start(2) + m.group(2).indexOf(raw.isEmpty() ? "" : raw.substring(0, 1));
            String value = raw;
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
                int close = value.indexOf(value.charAt(0), 1);
                if (close > 0) {
                    value = value.substring(1, close);
                    valueStart++;
                    raw = value;
                }
            } else {
                int hash = value.indexOf(" #");
                if (hash >= 0) {
                    value = value.substring(0, hash).strip();
                    raw = value;
                }
            }
            out.add(new ConfigEntry(m.group(1), value, m.start(1), valueStart, raw, false, false));
        }
        return out;
    }
}
