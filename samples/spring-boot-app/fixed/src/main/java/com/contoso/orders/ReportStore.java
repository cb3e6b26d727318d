package com.contoso.orders;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.contoso.orders.config.AzureKeys;
import org.springframework.beans.factory.annotation.Value;

/** Monthly order reports, exported as CSV to a storage account with the app's managed identity. */
public class ReportStore {
    private final BlobServiceClient reports = new BlobServiceClientBuilder()
            .endpoint(AzureKeys.REPORTS_ENDPOINT)
            .credential(new DefaultAzureCredentialBuilder().build())
            .buildClient();

    @Value("${orders.export.zip-password}")
    private String zipPassword;

    public BlobServiceClient reports() {
        return reports;
    }
}
