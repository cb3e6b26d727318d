package com.contoso.orders;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.contoso.orders.config.AzureKeys;
import org.springframework.beans.factory.annotation.Value;

/** Monthly order reports, exported as CSV to a storage account and zipped with a password. */
public class ReportStore {
    private final BlobServiceClient reports = new BlobServiceClientBuilder()
            .connectionString(AzureKeys.STORAGE_CONNECTION)
            .buildClient();

    @Value("${orders.export.zip-password:O3v1Y8id*2XTl*}")
    private String zipPassword;

    public BlobServiceClient reports() {
        return reports;
    }
}
