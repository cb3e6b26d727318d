package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-STORAGE-KEY",
        name = "java-storage-key",
        tier = Tier.SECRET,
        summary = "Azure Storage key, connection string or SAS written in Java code and passed to a storage client",
        description = "A storage account key grants full read, write and delete access to every blob, queue, table and file share of the account; it never expires and cannot be scoped. A SAS signed with it is a bearer token. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Build the client with `.endpoint(\"https://<account>.blob.core.windows.net\")` and `.credential(new DefaultAzureCredentialBuilder().build())` (Queue, File share with `shareTokenIntent`, Data Lake and Tables builders the same way), grant the identity **Storage Blob Data Contributor** (or the Queue/Table/File role of the client), rotate the key and set `allowSharedKeyAccess: false`.",
        bad = "new BlobServiceClientBuilder().connectionString(\"DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=<key>\")",
        good = "new BlobServiceClientBuilder().endpoint(\"https://contoso.blob.core.windows.net\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "9.1",
        tags = {"java", "storage", "sink"},
        keywords = {"connectionstring", "sastoken", "storagesharedkeycredential", "azurenamedkeycredential", "azuresascredential", "cloudstorageaccount", "storagecredentials", "sharedkeycredentials"},
        precedence = 5)
public final class StorageKeyInJavaRule extends JavaSinkRule {
    public StorageKeyInJavaRule() {
        super(SinkFamily.STORAGE);
    }
}
