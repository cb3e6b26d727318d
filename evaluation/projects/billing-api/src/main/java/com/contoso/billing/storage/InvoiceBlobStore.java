package com.contoso.billing.storage;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import org.springframework.stereotype.Component;

@Component
public class InvoiceBlobStore {

    private final BlobContainerClient container;

    public InvoiceBlobStore() {
        this.container = new BlobServiceClientBuilder()
                .connectionString(System.getenv("BILLING_STORAGE_CONNECTION"))
                .buildClient()
                .getBlobContainerClient("invoices");
    }

    public void store(String invoiceNo, byte[] pdf) {
        container.getBlobClient(invoiceNo + ".pdf").upload(BinaryData.fromBytes(pdf), true);
    }
}
