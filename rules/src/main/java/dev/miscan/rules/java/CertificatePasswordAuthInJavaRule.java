package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-CERT-PASSWORD-AUTH",
        name = "java-certificate-password-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Java code authenticates a service principal with a password-protected client certificate",
        description = "With the password, the client certificate file signs the application in as its service principal; both usually travel together. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Use Managed Identity (`new DefaultAzureCredentialBuilder().build()`); if a certificate is unavoidable, load it from Key Vault with the identity instead of a file and a password.",
        bad = "new ClientCertificateCredentialBuilder().pfxCertificate(\"cert.pfx\").clientCertificatePassword(password)",
        good = "new DefaultAzureCredentialBuilder().build()",
        securitySeverity = "5.0",
        tags = {"java", "entra-id", "sink", "key-based-auth"},
        keywords = {"clientcertificatepassword", "pfxcertificate"},
        precedence = 50)
public final class CertificatePasswordAuthInJavaRule extends JavaSinkRule {
    public CertificatePasswordAuthInJavaRule() {
        super(SinkFamily.CERTIFICATE_PASSWORD);
    }
}
