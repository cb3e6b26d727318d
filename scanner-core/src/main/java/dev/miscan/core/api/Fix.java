package dev.miscan.core.api;

import java.util.List;

/**
 * A mechanical change that removes a credential: text edits in the finding's file, applied by
 * {@code mi-scan fix} and emitted as SARIF {@code fixes}. A fix never inserts a secret.
 *
 * @param description what the change does, one sentence
 * @param edits       non-overlapping edits of the finding's file
 * @param changes     edits of other files the fix needs to build, e.g. the module's {@code pom.xml} that gets the
 *                    dependency the new code imports; the fix is applied whole or not at all
 * @param requires    Maven coordinates ({@code group:artifact}) the edited code needs on its class path, e.g.
 *                    {@code com.azure:azure-identity}; a project-level step after the scan turns them into
 *                    {@code changes} of the build file, or withdraws the fix with the reason
 */
public record Fix(String description, List<Edit> edits, List<FileChange> changes, List<String> requires) {

    public Fix {
        edits = List.copyOf(edits);
        changes = changes == null ? List.of() : List.copyOf(changes);
        requires = requires == null ? List.of() : List.copyOf(requires);
    }

    public Fix(String description, List<Edit> edits) {
        this(description, edits, List.of(), List.of());
    }

    /** This fix, whose code needs {@code coordinates} ({@code group:artifact}) on the class path. */
    public Fix requiring(String coordinates) {
        return new Fix(description, edits, changes, List.of(coordinates));
    }

    /** This fix with the build change that makes it compile, and {@code more} said after its description. */
    public Fix withChange(FileChange change, String more) {
        List<FileChange> all = new java.util.ArrayList<>(changes);
        all.add(change);
        return new Fix(more.isEmpty() ? description : description + "; " + more, edits, all, requires);
    }

    /**
     * Replaces the region from ({@code startLine}, {@code startColumn}) to ({@code endLine}, {@code endColumn})
     * — 1-based, end column exclusive, columns in UTF-16 code units — with {@code text}.
     */
    public record Edit(int startLine, int startColumn, int endLine, int endColumn, String text) {
    }

    /**
     * Edits of another file than the finding's.
     *
     * @param path        the file, relative to the scan's base directory with {@code /}, as a finding's path
     * @param description what the change does, e.g. "add com.azure:azure-identity to pom.xml"
     * @param edits       non-overlapping edits of the file (identical edits of several fixes are applied once)
     * @param textHash    SHA-256 of the file's text the edits were made for: a file that reads otherwise when the
     *                    fix is applied has changed since, and is left alone
     */
    public record FileChange(String path, String description, List<Edit> edits, String textHash) {
        public FileChange {
            edits = List.copyOf(edits);
        }
    }
}
