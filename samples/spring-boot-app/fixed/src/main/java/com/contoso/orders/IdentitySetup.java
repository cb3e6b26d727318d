package com.contoso.orders;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;

/** The order service's identity: its managed identity, everywhere; no client secret, password or certificate. */
public class IdentitySetup {
    TokenCredential app() {
        return new DefaultAzureCredentialBuilder().build();
    }

    TokenCredential partnerApp() {
        // a user-assigned identity for the partner integration
        return new ManagedIdentityCredentialBuilder().clientId(System.getenv("PARTNER_IDENTITY_CLIENT_ID")).build();
    }

    SecretClient vault() {
        return new SecretClientBuilder().vaultUrl("https://orders-kv.vault.azure.net/")
                .credential(new DefaultAzureCredentialBuilder().build())
                .buildClient();
    }

    TokenCredential batchUser() {
        return new DefaultAzureCredentialBuilder().build();
    }

    TokenCredential operatorUser() {
        return new DefaultAzureCredentialBuilder().build();
    }

    TokenCredential certificate() {
        return new DefaultAzureCredentialBuilder().build();
    }

    TokenCredential partnerCertificate() {
        return partnerApp();
    }
}
