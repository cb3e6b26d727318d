package com.contoso.orders;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;

/** Credentials of the order service's app registration and its batch account. */
public class IdentitySetup {
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String APP = "d2fcbdf3-f0e2-4946-94e6-1156a99cc7c1";

    TokenCredential app() {
        return new ClientSecretCredentialBuilder().tenantId(TENANT).clientId(APP)
                .clientSecret("DrA0Q~Qgl8ZKfrI1zcQ0K_gaH6OaVL1UqCSqfBZh")
                .build();
    }

    TokenCredential partnerApp() {
        return new ClientSecretCredentialBuilder().tenantId(TENANT).clientId(System.getenv("PARTNER_APP_ID"))
                .clientSecret(System.getenv("PARTNER_APP_SECRET"))
                .build();
    }

    SecretClient vault() {
        return new SecretClientBuilder().vaultUrl("https://orders-kv.vault.azure.net/")
                .credential(new ClientSecretCredentialBuilder().tenantId(TENANT).clientId(APP)
                        .clientSecret("n2R7Q~FEr50k5YYhrunn5wy2z27v7x8r2e9GBUDg")
                        .build())
                .buildClient();
    }

    TokenCredential batchUser() {
        return new UsernamePasswordCredentialBuilder().clientId(APP).username("svc-orders-batch@contoso.onmicrosoft.com")
                .password("xfXTqzZhWj4W1#")
                .build();
    }

    TokenCredential operatorUser() {
        return new UsernamePasswordCredentialBuilder().clientId(APP).username(System.getenv("OPERATOR_UPN"))
                .password(System.getenv("OPERATOR_PASSWORD"))
                .build();
    }

    TokenCredential certificate() {
        return new ClientCertificateCredentialBuilder().tenantId(TENANT).clientId(APP)
                .pfxCertificate("/etc/orders/app.pfx")
                .clientCertificatePassword("Fz!Wp!55C72i8w")
                .build();
    }

    TokenCredential partnerCertificate() {
        return new ClientCertificateCredentialBuilder().tenantId(TENANT).clientId(APP)
                .pfxCertificate(System.getenv("PARTNER_CERT_PATH"))
                .clientCertificatePassword(System.getenv("PARTNER_CERT_PASSWORD"))
                .build();
    }
}
