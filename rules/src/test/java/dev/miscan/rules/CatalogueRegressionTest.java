package dev.miscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Role;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.secrets.RandomKeys;
import dev.miscan.core.source.Fragment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Remediations name the service a credential is for, from the Azure catalogue: a queue's, a file share's or a
 * data lake's storage key gets that service's endpoint and roles, not Blob's; Relay, Notification Hubs and IoT
 * Hub keys get their own service and roles, not Service Bus's.
 */
class CatalogueRegressionTest {
    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    private static Finding only(String name, String text) {
        List<Finding> found = ENGINE.scanFragment(new Fragment(name, text), w -> { }, Engine.Options.UNSUPPRESSED).findings();
        assertThat(found).as("findings of %s", name).hasSize(1);
        return found.get(0);
    }

    private static String fixText(Finding f) {
        return f.remediation().fix() == null ? "" : String.join("\n", f.remediation().fix().edits().stream()
                .map(e -> e.text()).toList());
    }

    private static List<String> roles(Finding f) {
        return f.remediation().roles().stream().map(Role::name).toList();
    }

    @Test
    void storageKeysOfQueuesFileSharesAndDataLakes_getTheirOwnEndpointAndRoles() {
        String key = RandomKeys.base64(64);
        Finding file = only("application.properties", "spring.cloud.azure.storage.fileshare.connection-string="
                + "DefaultEndpointsProtocol=https;AccountName=orders;AccountKey=" + key + ";EndpointSuffix=core.windows.net\n");
        Finding queue = only("application.properties", "spring.cloud.azure.storage.queue.connection-string="
                + "DefaultEndpointsProtocol=https;AccountName=orders;AccountKey=" + key + ";EndpointSuffix=core.windows.net\n");
        Finding fileKey = only("application.properties", "spring.cloud.azure.storage.fileshare.account-key=" + key + "\n");
        Finding lake = only("application.properties", "spring.cloud.azure.storage.filedatalake.account-key=" + key + "\n");
        Finding queueString = only("local.settings.json", "{\"Values\": {\"Queues\": \"DefaultEndpointsProtocol=https;"
                + "AccountName=orders;AccountKey=" + key + ";QueueEndpoint=https://orders.queue.core.windows.net/\"}}\n");
        Finding blob = only("application.properties", "spring.cloud.azure.storage.blob.account-key=" + key + "\n");

        assertThat(roles(file)).containsExactly("Storage File Data Privileged Contributor");
        assertThat(file.remediation().replacement()).contains("https://orders.file.core.windows.net");
        assertThat(fixText(file)).contains("spring.cloud.azure.storage.fileshare.endpoint=https://orders.file.core.windows.net")
                .doesNotContain(".blob.");
        assertThat(roles(fileKey)).containsExactly("Storage File Data Privileged Contributor");
        assertThat(roles(queue)).contains("Storage Queue Data Contributor").doesNotContain("Storage Blob Data Contributor");
        assertThat(queue.remediation().replacement()).contains("https://orders.queue.core.windows.net");
        assertThat(fixText(queue)).contains("spring.cloud.azure.storage.queue.endpoint=https://orders.queue.core.windows.net")
                .doesNotContain(".blob.");
        assertThat(lake.remediation().replacement()).contains(".dfs.core.windows.net");
        assertThat(roles(queueString)).contains("Storage Queue Data Contributor");
        assertThat(queueString.remediation().replacement()).contains("orders.queue.core.windows.net");
        assertThat(roles(blob)).contains("Storage Blob Data Contributor");
    }

    @Test
    void relayNotificationHubsAndIotHubKeys_areTheirOwnServicesWithTheirOwnRoles() {
        String key = RandomKeys.base64(32);
        Finding relay = only("a.properties", "relay.connection=Endpoint=sb://contoso-relay.servicebus.windows.net/;"
                + "SharedAccessKeyName=listen;SharedAccessKey=" + key + "\n");
        Finding push = only("a.properties", "push.hub=Endpoint=sb://contoso-push.servicebus.windows.net/;"
                + "SharedAccessKeyName=DefaultFullSharedAccessSignature;SharedAccessKey=" + key + "\n");
        Finding iot = only("a.properties", "iot.service=HostName=contoso-hub.azure-devices.net;"
                + "SharedAccessKeyName=iothubowner;SharedAccessKey=" + key + "\n");

        assertThat(relay.rule().id()).isEqualTo("MI-RELAY-CONNSTR");
        // the code was not seen: the roles any use may need, listen and send (not the owner role, which manages)
        assertThat(roles(relay)).containsExactly("Azure Relay Listener", "Azure Relay Sender");
        assertThat(relay.remediation().scope()).endsWith("Microsoft.Relay/namespaces/contoso-relay");
        assertThat(push.rule().id()).isEqualTo("MI-NOTIFICATIONHUBS-CONNSTR");
        assertThat(roles(push)).isEmpty();
        assertThat(push.remediation().summary()).contains("Key Vault");
        assertThat(iot.rule().id()).isEqualTo("MI-IOTHUB-CONNSTR");
        assertThat(roles(iot)).containsExactly("IoT Hub Data Contributor");
        assertThat(iot.remediation().commands()).anyMatch(c -> c.contains("--role \"IoT Hub Data Contributor\""));
    }
}
