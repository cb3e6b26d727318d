package demo;

import com.azure.identity.ClientSecretCredentialBuilder;

public class Keys {
    Object credential() {
        return new ClientSecretCredentialBuilder().tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
            .clientId("4a1aa1d5-c567-49d0-ad0b-cd957a47f842").clientSecret("tdd8Q~jP1sYnE7VKLub_8vGVwwPSOgKnjWieMraX").build();
    }
}
