package dev.miscan.cli;

import dev.miscan.core.api.Finding;
import java.io.PrintWriter;
import java.util.List;

/** What a blocked commit prints after the findings: how to fix, how to allow a false positive. */
final class HookAdvice {
    private HookAdvice() {
    }

    /** @param blocking the findings at or above the threshold, in report order */
    static void print(PrintWriter err, List<Finding> blocking) {
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
