package com.contoso.orders;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;

/** Uploads rendered invoices to the archive container with the app's managed identity. */
public class InvoiceArchive {
    private final BlobContainerClient container = new BlobContainerClientBuilder()
            .endpoint("https://ordersdata.blob.core.windows.net")
            .containerName("invoices")
            .credential(new DefaultAzureCredentialBuilder().build())
            .buildClient();

    public void archive(String orderId, byte[] pdf) {
        container.getBlobClient(orderId + ".pdf").upload(com.azure.core.util.BinaryData.fromBytes(pdf));
    }
}
