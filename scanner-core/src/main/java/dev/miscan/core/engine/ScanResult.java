package dev.miscan.core.engine;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.source.ScanWarning;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a scan, in deterministic order.
 *
 * @param rules          descriptors of the rules that ran (for reports)
 * @param findings       unsuppressed findings, ordered by path, line, column, rule
 * @param warnings       one-line problems with inputs, ordered by path
 * @param filesScanned   files read and scanned
 * @param bytesScanned   characters scanned
 * @param suppressed     findings silenced by inline {@code mi-scan:allow}, config allow-lists or the baseline
 * @param suppressedFindings those findings, each with its {@link Finding#suppression()}, in the same order as
 *                       {@code findings}; they are reported (SARIF {@code suppressions}) but never counted
 * @param fingerprintKey the salt and iterations the findings' fingerprints were made with (a baseline only
 *                       matches a scan made with its own key)
 * @param filesBinary    binary files (images, fonts, archives…) left out silently: neither scanned nor skipped
 */
public record ScanResult(Path baseDir, List<RuleDescriptor> rules, List<Finding> findings, List<ScanWarning> warnings,
        int filesScanned, long bytesScanned, int suppressed, List<Finding> suppressedFindings,
        FingerprintKey fingerprintKey, int filesBinary) {

    public ScanResult {
        java.util.Objects.requireNonNull(fingerprintKey);
    }

    /** A scan that met no binary file. */
    public ScanResult(Path baseDir, List<RuleDescriptor> rules, List<Finding> findings, List<ScanWarning> warnings,
            int filesScanned, long bytesScanned, int suppressed, List<Finding> suppressedFindings,
            FingerprintKey fingerprintKey) {
        this(baseDir, rules, findings, warnings, filesScanned, bytesScanned, suppressed, suppressedFindings,
                fingerprintKey, 0);
    }

    /** A scan fingerprinted with the default key (no baseline). */
    public ScanResult(Path baseDir, List<RuleDescriptor> rules, List<Finding> findings, List<ScanWarning> warnings,
            int filesScanned, long bytesScanned, int suppressed, List<Finding> suppressedFindings) {
        this(baseDir, rules, findings, warnings, filesScanned, bytesScanned, suppressed, suppressedFindings,
                FingerprintKey.DEFAULT);
    }

    public ScanResult(Path baseDir, List<RuleDescriptor> rules, List<Finding> findings, List<ScanWarning> warnings,
            int filesScanned, long bytesScanned, int suppressed) {
        this(baseDir, rules, findings, warnings, filesScanned, bytesScanned, suppressed, List.of());
    }

    /** The same scan with other findings (after a baseline, or de-duplication across commits). */
    public ScanResult withFindings(List<Finding> newFindings, List<Finding> newSuppressed) {
        return new ScanResult(baseDir, rules, List.copyOf(newFindings), warnings, filesScanned, bytesScanned,
                newSuppressed.size(), List.copyOf(newSuppressed), fingerprintKey, filesBinary);
    }

    public long filesSkipped() {
        return warnings.stream().filter(ScanWarning::skipped).count();
    }

    /** The warnings about text files that could not be read or parsed in full: what {@code --strict} fails on. */
    public List<ScanWarning> incompleteWarnings() {
        return warnings.stream().filter(ScanWarning::incomplete).toList();
    }
}
