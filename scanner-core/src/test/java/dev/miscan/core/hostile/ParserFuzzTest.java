package dev.miscan.core.hostile;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz tests of the value parsers (connection strings, SAS tokens, JDBC URLs) the configuration
 * readers ({@code .properties} above all; YAML, JSON and {@code .env} too) and the class file reader, against {@link ParserInvariants}.
 *
 * <p>In {@code mvn verify} they run in regression mode: each method once per seed input under
 * {@code src/test/resources/dev/miscan/core/hostile/ParserFuzzTestInputs/<method>/} (a crash the fuzzer
 * found is added there, so it stays fixed). To fuzz, one method at a time ({@code .ci/fuzz} runs them all):
 * <pre>mvn -Pfuzz -pl scanner-core test -Dtest='ParserFuzzTest#properties' [-Djazzer.max_duration=10m]</pre>
 * The Bicep and Terraform parsers are fuzzed through the rules that use them, in the cli module's
 * {@code EngineFuzzTest}.
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void connectionStrings(FuzzedDataProvider data) {
        ParserInvariants.connectionStrings(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "2m")
    void sasTokens(FuzzedDataProvider data) {
        ParserInvariants.sasTokens(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "2m")
    void jdbcUrls(FuzzedDataProvider data) {
        ParserInvariants.jdbcUrls(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "2m")
    void properties(FuzzedDataProvider data) {
        ParserInvariants.properties(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "2m")
    void classFiles(FuzzedDataProvider data) {
        ParserInvariants.classFile(data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "2m")
    void yamlJsonAndEnv(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ParserInvariants.configEntries("fuzz.yaml", text);
        ParserInvariants.configEntries("fuzz.json", text);
        ParserInvariants.configEntries(".env", text);
    }
}
