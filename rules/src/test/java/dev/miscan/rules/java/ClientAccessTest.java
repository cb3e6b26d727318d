package dev.miscan.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Role;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.PlanWriter;
import dev.miscan.core.source.Fragment;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The least-privilege role is chosen from what the code does with the client (issue 6: "only download* →
 * Storage Blob Data Reader"), and the plan assigns exactly those roles; when the code does not tell, the roles any
 * use may need (read and write: the contributor role, which includes the reader's).
 */
class ClientAccessTest {
    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    private static Finding only(String body, String imports) {
        String source = """
                package com.contoso;

                import com.azure.storage.blob.*;
                import com.azure.messaging.servicebus.*;
                import com.azure.messaging.eventhubs.*;
                import com.azure.data.appconfiguration.*;
                import com.azure.search.documents.*;
                import com.azure.core.credential.AzureKeyCredential;
                %s

                class Client {
                %s
                }
                """.formatted(imports, body);
        List<Finding> findings = ENGINE.scanFragment(new Fragment("Client.java", source), w -> { }, Engine.Options.UNSUPPRESSED).findings();
        assertThat(findings).as("findings").hasSize(1);
        return findings.get(0);
    }

    private static List<String> roles(Finding f) {
        return f.remediation().roles().stream().map(Role::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "blob download only | BlobServiceClient c = new BlobServiceClientBuilder().connectionString(System.getenv(\"S\")).buildClient(); void r() { c.getBlobContainerClient(\"a\").getBlobClient(\"b\").downloadContent(); c.listBlobContainers(); } | Storage Blob Data Reader | only reads: downloadContent, listBlobContainers",
        "blob upload | BlobServiceClient c = new BlobServiceClientBuilder().connectionString(System.getenv(\"S\")).buildClient(); void w() { c.getBlobContainerClient(\"a\").getBlobClient(\"b\").upload(null); c.getBlobContainerClient(\"a\").exists(); } | Storage Blob Data Contributor | writes: upload; reads: exists",
        "service bus receiver | Object r = new ServiceBusClientBuilder().connectionString(System.getenv(\"SB\")).receiver().queueName(\"q\").buildClient(); | Azure Service Bus Data Receiver | reads (.receiver())",
        "event hubs consumer | Object r = new EventHubClientBuilder().connectionString(System.getenv(\"EH\"), \"hub\").consumerGroup(\"$Default\").buildConsumerClient(); | Azure Event Hubs Data Receiver | reads (.buildConsumerClient())",
        "app configuration reads | ConfigurationClient c = new ConfigurationClientBuilder().connectionString(System.getenv(\"AC\")).buildClient(); void r() { c.getConfigurationSetting(\"k\", null); } | App Configuration Data Reader | only reads: getConfigurationSetting",
        "app configuration writes | ConfigurationClient c; Client() { this.c = new ConfigurationClientBuilder().connectionString(System.getenv(\"AC\")).buildClient(); } void w() { this.c.setConfigurationSetting(\"k\", null, \"v\"); } | App Configuration Data Owner | writes: setConfigurationSetting",
        "search queries | SearchClient s = new SearchClientBuilder().endpoint(\"https://s.search.windows.net\").indexName(\"i\").credential(new AzureKeyCredential(System.getenv(\"K\"))).buildClient(); void q() { s.search(\"x\"); } | Search Index Data Reader | only reads: search",
    })
    void theRoleFollowsTheCalls(String name, String body, String role, String seen) {
        Finding f = only(body, "");
        assertThat(roles(f)).containsExactly(role);
        assertThat(f.remediation().access()).isEqualTo(seen);
        assertThat(f.remediation().commands()).anyMatch(c -> c.contains("--role \"" + role + "\""))
                .noneMatch(c -> c.contains("--role \"") && !c.contains(role));
    }

    @Test
    void aClientThatLeavesTheAnalysisSightAfterReadsGetsTheRoleAnyUseMayNeed() {
        Finding f = only("""
                BlobServiceClient c = new BlobServiceClientBuilder().connectionString(System.getenv("S")).buildClient();
                BlobServiceClient client() { c.listBlobContainers(); return c; }
                """, "");
        assertThat(roles(f)).containsExactly("Storage Blob Data Contributor");
        assertThat(f.remediation().access()).isEmpty();
    }

    @Test
    void thePlanAssignsTheRolesTheCodeNeeds() throws Exception {
        Finding f = only("""
                BlobServiceClient c = new BlobServiceClientBuilder()
                        .connectionString("DefaultEndpointsProtocol=https;AccountName=plandata;AccountKey=" + System.getenv("K"))
                        .buildClient();
                void r() { c.getBlobContainerClient("a").getBlobClient("b").downloadToFile("x"); }
                """, "");
        ScanResult result = new ScanResult(Path.of("."), List.of(), List.of(f), List.of(), 1, 0, 0);
        PlanWriter.Target t = new PlanWriter().targets(result).get(0);
        assertThat(t.rolesFromCode()).isTrue();
        assertThat(t.roles()).extracting(Role::name).containsExactly("Storage Blob Data Reader");
        StringWriter md = new StringWriter();
        new PlanWriter().writeMarkdown(result, md);
        assertThat(md.toString()).contains("Role assignment as code (Storage Blob Data Reader)")
                .contains("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1").doesNotContain("Storage Blob Data Contributor")
                .contains("only reads: downloadToFile");
    }
}
