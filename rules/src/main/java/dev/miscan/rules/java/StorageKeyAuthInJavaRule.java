package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-STORAGE-KEY-AUTH",
        name = "java-storage-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure Storage client in Java authenticates with an account key or SAS",
        description = "A storage account key grants full read, write and delete access to every blob, queue, table and file share of the account; it never expires and cannot be scoped. A SAS signed with it is a bearer token. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Build the client with `.endpoint(\"https://<account>.blob.core.windows.net\")` and `.credential(new DefaultAzureCredentialBuilder().build())` (Queue, File share with `shareTokenIntent`, Data Lake and Tables builders the same way), grant the identity **Storage Blob Data Contributor** (or the Queue/Table/File role of the client), rotate the key and set `allowSharedKeyAccess: false`.",
        bad = "new BlobServiceClientBuilder().connectionString(\"DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=<key>\")",
        good = "new BlobServiceClientBuilder().endpoint(\"https://contoso.blob.core.windows.net\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "5.0",
        tags = {"java", "storage", "sink", "key-based-auth"},
        keywords = {"connectionstring", "sastoken", "storagesharedkeycredential", "azurenamedkeycredential", "azuresascredential", "cloudstorageaccount", "storagecredentials", "sharedkeycredentials"},
        precedence = 50)
public final class StorageKeyAuthInJavaRule extends JavaSinkRule {
    public StorageKeyAuthInJavaRule() {
        super(SinkFamily.STORAGE);
    }
}
