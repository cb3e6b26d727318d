package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Severity;
import dev.miscan.core.engine.ScanResult;
import org.junit.jupiter.api.Test;

class ArchiveTrainingTest {

    @Test
    void everyTextIsReadByItsParserAndHoldsNoCredential() throws Exception {
        ScanResult r = ArchiveTraining.train();
        assertThat(r.filesScanned()).isEqualTo(ArchiveTraining.size());
        // each text parses (a warning would mean a parser gave up, and its classes would not all be archived)
        assertThat(r.warnings()).isEmpty();
        // key-based access is what the texts show: warnings, never an error (no credential is held here)
        assertThat(r.findings()).isNotEmpty();
        assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
