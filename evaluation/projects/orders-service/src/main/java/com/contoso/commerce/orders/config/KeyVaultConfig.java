package com.contoso.commerce.orders.config;

import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

@Configuration
public class KeyVaultConfig {

    /** Name of the Key Vault secret holding the reconciliation DB password (not the password itself). */
    public static final String RECON_DB_PASSWORD_SECRET = "orders-recon-db-password";

    @Bean
    @Primary
    public SecretClient secretClient(@Value("${orders.keyvault.uri}") String vaultUri) {
        return new SecretClientBuilder()
                .vaultUrl(vaultUri)
                .credential(new DefaultAzureCredentialBuilder().build())
                .buildClient();
    }

    /** Legacy service principal used by the nightly reconciliation job, see ADR-014. */
    @Bean
    @Profile("reconciliation")
    public SecretClient legacySecretClient(@Value("${orders.keyvault.uri}") String vaultUri) {
        ClientSecretCredential spn = new ClientSecretCredentialBuilder()
                .tenantId("fe5a3d44-378c-4892-9934-e7359372175b")
                .clientId("90d8a052-e3ad-4e82-8ea1-6c18d4e031fd")
                .clientSecret("mLM8Q~JV9w8s~w~W1x2KhGq73fOA9W6zcMagK2yq")
                .build();
        return new SecretClientBuilder().vaultUrl(vaultUri).credential(spn).buildClient();
    }
}
