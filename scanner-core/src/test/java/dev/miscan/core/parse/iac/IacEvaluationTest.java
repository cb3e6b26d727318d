package dev.miscan.core.parse.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IacEvaluationTest {

    private static IacTemplate bicep(String text) {
        List<ParseProblem> problems = new ArrayList<>();
        IacTemplate t = BicepParser.parse(text, false, problems);
        assertThat(problems).isEmpty();
        return t;
    }

    private static IacValue properties(IacTemplate t) {
        return t.resources().get(0).body().get("properties");
    }

    @Test
    void spreadsAreMergedInTheOrderTheyAreWritten() {
        IacTemplate t = bicep("""
                var base = { a: 1, b: 'base' }
                resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'x'
                  properties: { b: 'mine', ...base, c: true }
                }
                """);
        IacValue p = properties(t);
        assertThat(p.isObject()).isTrue();
        assertThat(p.get("b").text()).isEqualTo("base"); // the spread comes after b: it wins
        assertThat(p.get("c").bool()).isTrue();
        assertThat(p.property("a").nameOffset()).isLessThan(t.resources().get(0).offset()); // where a is written
    }

    @Test
    void unionMergesNestedObjectsAndAnUnknownPartKeepsTheObjectUnknown() {
        IacTemplate t = bicep("""
                param flag bool
                var base = { network: { a: 1 }, tls: '1.2' }
                resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'x'
                  properties: union(base, { network: { b: 2 } })
                }
                resource s 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'y'
                  properties: union(base, flag ? { k: true } : {})
                }
                """);
        IacValue p = properties(t);
        assertThat(p.at("network", "a")).isNotNull();
        assertThat(p.at("network", "b")).isNotNull();
        assertThat(t.resources().get(1).body().get("properties").isExpression()).isTrue();
        assertThat(t.resources().get(1).body().unknownAt("properties", "k")).isTrue();
    }

    @Test
    void shallowMergeAndCreateObjectBuildTheObjectsTheyName() {
        IacTemplate t = bicep("""
                var base = { allowSharedKeyAccess: false, network: { a: 1 } }
                resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'x'
                  properties: shallowMerge([base, { allowSharedKeyAccess: true, network: { b: 2 } }])
                }
                resource s 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'y'
                  properties: createObject('allowSharedKeyAccess', true, 'minimumTlsVersion', 'TLS1_2')
                }
                """);
        IacValue p = properties(t);
        assertThat(p.get("allowSharedKeyAccess").bool()).isTrue(); // the later object wins
        assertThat(p.at("network", "b")).isNotNull();
        assertThat(p.at("network", "a")).isNull(); // one level deep: network is replaced, not merged
        IacValue q = t.resources().get(1).body().get("properties");
        assertThat(q.get("allowSharedKeyAccess").bool()).isTrue();
        assertThat(q.get("minimumTlsVersion").text()).isEqualTo("TLS1_2");
    }

    @Test
    void aForExpressionOverAKnownArrayIsWrittenOutPerItem() {
        IacTemplate t = bicep("""
                var settings = [
                  { name: 'A', value: 'one' }
                  { name: 'B', value: 'two' }
                ]
                resource r 'Microsoft.Web/sites@2023-12-01' = {
                  name: 'x'
                  properties: { appSettings: [for (s, i) in settings: { name: s.name, value: s.value, index: i }] }
                }
                """);
        IacValue items = properties(t).get("appSettings");
        assertThat(items.isArray()).isTrue();
        assertThat(items.items()).extracting(i -> i.get("name").text()).containsExactly("A", "B");
        assertThat(items.items().get(1).get("value").text()).isEqualTo("two");
        assertThat(items.items().get(0).get("index").isExpression()).isTrue(); // the index is not known
    }

    @Test
    void variablesThatReferToEachOtherEnd() {
        IacTemplate t = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> bicep("""
                var a = union(b, { x: 1 })
                var b = union(a, { y: 2 })
                resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'x'
                  properties: a
                }
                """));
        assertThat(t.resources()).hasSize(1);
    }

    @Test
    void aLongChainOfVariablesIsEvaluatedToABoundedDepth() {
        StringBuilder sb = new StringBuilder("var v0 = { k0: 0 }\n");
        for (int i = 1; i < 2000; i++) {
            sb.append("var v").append(i).append(" = union(v").append(i - 1).append(", { k").append(i).append(": ")
                    .append(i).append(" })\n");
        }
        sb.append("resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'x'\n  properties: v1999\n}\n");
        IacTemplate t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> bicep(sb.toString()));
        assertThat(t.resources()).hasSize(1);
    }
}
