package dev.miscan.rules.iac;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.rules.support.AzureRoles;
import java.util.List;

@DetectorInfo(
        rules = "MI-IAC-REDIS-ACCESS-KEYS",
        keywords = {"microsoft.cache/redis", "azurerm_redis_cache", "module", "using"},
        kind = "iac")
public final class RedisAccessKeysRule extends DeployedResourceRule {

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, null);
    }

    private static final List<Switch> SWITCHES = List.of(
            new Switch("Microsoft.Cache/redis", List.of("properties", "disableAccessKeyAuthentication"), true,
                    "Redis cache", "its access keys work", "Key-based authentication: "),
            new Switch("azurerm_redis_cache", List.of("access_keys_authentication_enabled"), false, "Redis cache",
                    "its access keys work", "Key-based authentication: "));

    public RedisAccessKeysRule() {
        super(SWITCHES, RedisAccessKeysRule::remediation);
    }

    @Override
    void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r) {
        boolean arm = r.isType("Microsoft.Cache/redis");
        if (!arm && !r.isType("azurerm_redis_cache")) {
            return;
        }
        String[] path = arm ? new String[] {"properties", "disableAccessKeyAuthentication"}
                : new String[] {"access_keys_authentication_enabled"};
        IacFindings.keySwitch(doc, t, r, path, arm, "Key-based authentication: ", IacFindings.label(t, r, "Redis cache"),
                "its access keys work", remediation(t, r), (offset, text, message, remediation) -> report(doc, sink,
                        offset, text, message, remediation));
    }

    private static Remediation remediation(IacTemplate t, IacTemplate.Resource cache) {
        IacTemplate.Resource host = IacRemedies.onlyHost(t);
        String fix = switch (IacRemedies.language(t)) {
            case "terraform" -> """
                    access_keys_authentication_enabled = false
                    redis_configuration {
                      active_directory_authentication_enabled = true
                    }""";
            case "json" -> """
                    "properties": {
                      "disableAccessKeyAuthentication": true,
                      "redisConfiguration": { "aad-enabled": "true" }
                    }""";
            default -> """
                    properties: {
                      disableAccessKeyAuthentication: true
                      redisConfiguration: {
                        'aad-enabled': 'true'
                      }
                    }""";
        };
        String name = IacRemedies.literalName(t, cache, "cache");
        return IacRemedies.remediation(IacService.REDIS, cache,
                "Enable Microsoft Entra authentication, give each app's managed identity a Redis data access policy"
                        + " assignment, connect with a token instead of the key, then disable access-key"
                        + " authentication.",
                t, fix + "\n\n" + IacRemedies.roleAssignment(t, IacService.REDIS, AzureRoles.REDIS_DATA_CONTRIBUTOR,
                        cache, host),
                List.of(AzureRoles.REDIS_DATA_CONTRIBUTOR, AzureRoles.REDIS_DATA_READER), "",
                List.of(IacRemedies.identityCommand(host == null ? null : Hosts.kindOf(host)),
                        "az redis access-policy-assignment create --name " + name + " --resource-group <resource-group>"
                                + " --policy-assignment-name <assignment-name> --access-policy-name \"Data Contributor\""
                                + " --object-id <principal-id> --object-id-alias <identity-name>"));
    }
}
