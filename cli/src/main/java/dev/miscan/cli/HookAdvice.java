package dev.miscan.cli;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import java.io.PrintWriter;
import java.util.List;

/** What a blocked commit prints after the findings: how to fix, how to allow a false positive. */
final class HookAdvice {
    private HookAdvice() {
    }

    static void print(PrintWriter err, List<Finding> findings, Severity threshold) {
        List<Finding> blocking = findings.stream().filter(f -> f.severity().atLeast(threshold)).toList();
        if (blocking.isEmpty()) {
            return;
        }
        Finding first = blocking.get(0);
        err.println();
        err.println("mi-scan: commit blocked: " + blocking.size() + " credential finding"
                + (blocking.size() == 1 ? "" : "s") + " in the staged changes (see above).");
        err.println("  To fix: remove the credential as the 'fix:' line says, 'git add' the file and commit again;");
        err.println("          a credential that was ever committed or pushed must also be rotated.");
        err.println("  Not a secret? Add a comment on that line or the line above it, with the reason:");
        err.println("          mi-scan:allow " + first.rule().id() + " <why this is not a secret>");
        err.println("  Accept everything already in the repository: mi-scan baseline create");
        err.flush();
    }
}
