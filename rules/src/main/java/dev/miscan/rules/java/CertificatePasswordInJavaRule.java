package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-CERT-PASSWORD",
        name = "java-certificate-password",
        tier = Tier.SECRET,
        summary = "Client certificate password written in Java code and passed to ClientCertificateCredentialBuilder",
        description = "With the password, the client certificate file signs the application in as its service principal; both usually travel together. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Use Managed Identity (`new DefaultAzureCredentialBuilder().build()`); if a certificate is unavoidable, load it from Key Vault with the identity instead of a file and a password.",
        bad = "new ClientCertificateCredentialBuilder().pfxCertificate(\"cert.pfx\").clientCertificatePassword(\"<password>\")",
        good = "new DefaultAzureCredentialBuilder().build()",
        securitySeverity = "8.2",
        tags = {"java", "entra-id", "sink"},
        keywords = {"clientcertificatepassword", "pfxcertificate"},
        precedence = 5)
public final class CertificatePasswordInJavaRule extends JavaSinkRule {
    public CertificatePasswordInJavaRule() {
        super(SinkFamily.CERTIFICATE_PASSWORD);
    }
}
