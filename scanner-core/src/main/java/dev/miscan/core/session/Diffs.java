package dev.miscan.core.session;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Unified diffs of a file before and after its fixes ({@code git diff} format, three lines of context). */
public final class Diffs {
    private static final int CONTEXT = 3;

    private Diffs() {
    }

    /**
     * The unified diff of {@code before} and {@code after} ({@code \n} line ends), every printed line passed
     * through {@code redact} first.
     */
    public static String unified(String path, String before, String after, UnaryOperator<String> redact) {
        RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        StringBuilder out = new StringBuilder();
        if (edits.isEmpty()) {
            return "";
        }
        String shown = dev.miscan.core.report.TerminalText.safe(path);
        out.append("--- a/").append(shown).append('\n').append("+++ b/").append(shown).append('\n');
        int i = 0;
        while (i < edits.size()) {
            // a hunk: edits whose contexts touch
            int j = i;
            while (j + 1 < edits.size() && edits.get(j + 1).getBeginA() - edits.get(j).getEndA() <= 2 * CONTEXT) {
                j++;
            }
            Edit first = edits.get(i);
            Edit last = edits.get(j);
            int aStart = Math.max(0, first.getBeginA() - CONTEXT);
            int aEnd = Math.min(a.size(), last.getEndA() + CONTEXT);
            int bStart = first.getBeginB() - (first.getBeginA() - aStart);
            int bEnd = last.getEndB() + (aEnd - last.getEndA());
            out.append("@@ -").append(range(aStart, aEnd - aStart)).append(" +").append(range(bStart, bEnd - bStart))
                    .append(" @@\n");
            int ai = aStart;
            for (int k = i; k <= j; k++) {
                Edit e = edits.get(k);
                for (; ai < e.getBeginA(); ai++) {
                    out.append(' ').append(redact.apply(a.getString(ai))).append('\n');
                }
                for (int x = e.getBeginA(); x < e.getEndA(); x++) {
                    out.append('-').append(redact.apply(a.getString(x))).append('\n');
                }
                for (int x = e.getBeginB(); x < e.getEndB(); x++) {
                    out.append('+').append(redact.apply(b.getString(x))).append('\n');
                }
                ai = e.getEndA();
            }
            for (; ai < aEnd; ai++) {
                out.append(' ').append(redact.apply(a.getString(ai))).append('\n');
            }
            i = j + 1;
        }
        return out.toString();
    }

    private static String range(int start, int length) {
        return length == 0 ? start + ",0" : (start + 1) + "," + length;
    }
}
