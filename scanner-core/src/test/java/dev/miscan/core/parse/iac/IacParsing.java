package dev.miscan.core.parse.iac;

import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.parse.Document;
import dev.miscan.core.source.Fragment;
import java.util.List;

/** Builds the IaC view of a text as the engine would, collecting its warnings. */
final class IacParsing {
    private static final KeywordIndex KEYWORDS = new KeywordIndex(List.of("param"));

    private IacParsing() {
    }

    static IacTemplate parse(String fileName, String text, List<String> warnings) {
        Document doc = new Document(new Fragment(fileName, text), KEYWORDS, new int[1][], w -> warnings.add(w.message()));
        return doc.view(IacView.TEMPLATE);
    }

    /** The 1-based line of an offset. */
    static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
