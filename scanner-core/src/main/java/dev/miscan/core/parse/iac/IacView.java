package dev.miscan.core.parse.iac;

import dev.miscan.core.parse.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The IaC view of a document, from the parser its file name calls for: {@code .bicep}, {@code .bicepparam},
 * {@code .tf}, {@code .tfvars}, and {@code .json} files that are ARM templates or parameters files. Other
 * files (and decoded text) have the empty template. A file that does not fully parse yields what was read
 * around the problem and one warning naming its first problem's line; parsing never stops the scan.
 */
public final class IacView {
    public static final Document.View<IacTemplate> TEMPLATE = IacView::build;
    /** Words a parser's message quotes that are the grammar's, not the file's: they stay in a warning. */
    private static final java.util.Set<String> GRAMMAR = java.util.stream.Stream.of(BicepParser.KEYWORDS,
            HclParser.KEYWORDS, java.util.Set.of("end", "of", "line")).flatMap(java.util.Set::stream)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private IacView() {
    }

    /** True for the extensions this view reads (a {@code .json} file still has to be ARM). */
    public static boolean isIacFile(Document doc) {
        return switch (doc.extension()) {
            case "bicep", "bicepparam", "tf", "tfvars", "tfbackend", "hcl", "json" -> !doc.derived();
            default -> false;
        };
    }

    private static IacTemplate build(Document doc) {
        if (!isIacFile(doc)) {
            return IacTemplate.EMPTY;
        }
        String text = doc.text();
        List<ParseProblem> problems = new ArrayList<>();
        String language = switch (doc.extension()) {
            case "bicep" -> "Bicep";
            case "bicepparam" -> "Bicep parameters";
            case "tf" -> "Terraform";
            case "tfvars", "tfbackend", "hcl" -> "Terraform variables";
            default -> "ARM";
        };
        // a module's file or a caller's is parsed once for the scan, shared by its own scan and the other end's
        IacModules modules = doc.providedCache(IacModules.VIEW);
        IacTemplate t = modules == null ? null : modules.shared(doc.path(), text, problems);
        if (t == null) {
            try {
                t = switch (doc.extension()) {
                    case "bicep" -> BicepParser.parse(text, false, problems);
                    case "bicepparam" -> BicepParser.parse(text, true, problems);
                    case "tf" -> HclParser.parse(text, false, problems);
                    case "tfvars", "tfbackend", "hcl" -> HclParser.parse(text, true, problems);
                    default -> ArmParser.looksLikeArm(text, doc.fileName())
                            ? ArmParser.parse(doc.view(dev.miscan.core.parse.JsonTree.VIEW), text, doc.fileName())
                            : IacTemplate.EMPTY;
                };
            } catch (RuntimeException | StackOverflowError e) {
                doc.warn(language(doc) + " could not be parsed (" + e.getClass().getSimpleName()
                        + "); scanned as plain text");
                return IacTemplate.EMPTY;
            }
        }
        if (!problems.isEmpty()) {
            ParseProblem first = problems.get(0);
            int at = doc.lines().lineOf(Math.min(first.offset(), text.length()));
            int line = doc.fragment().firstLine() + at;
            String message = dev.miscan.core.parse.ParserMessages.unquotedBetweenQuotes(first.message(),
                    dev.miscan.core.parse.ParserMessages.near(doc, at), GRAMMAR);
            doc.warn(language + " not fully parsed: " + message + ", line " + line + "; skipped"
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")
                    + ", the rest was scanned");
        }
        return t;
    }

    private static String language(Document doc) {
        return switch (doc.extension().toLowerCase(Locale.ROOT)) {
            case "bicep", "bicepparam" -> "Bicep";
            case "tf", "tfvars", "tfbackend", "hcl" -> "Terraform";
            default -> "ARM";
        };
    }
}
