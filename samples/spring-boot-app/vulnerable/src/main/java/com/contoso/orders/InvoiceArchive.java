package com.contoso.orders;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;

/** Uploads rendered invoices to the archive container. */
public class InvoiceArchive {
    // Shared with the finance team's importer; valid until 2030.
    private static final String ARCHIVE_SAS_URL =
            "https://ordersdata.blob.core.windows.net/invoices?sv=2022-11-02&ss=b&srt=co&sp=rwdlac"
            + "&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=f%2FJ3kp7OKyeXhTRvn1Z1mTuttRGMZggypessC6WL7tY%3D";

    private final BlobContainerClient container = new BlobContainerClientBuilder()
            .endpoint(ARCHIVE_SAS_URL)
            .buildClient();

    public void archive(String orderId, byte[] pdf) {
        container.getBlobClient(orderId + ".pdf").upload(com.azure.core.util.BinaryData.fromBytes(pdf));
    }
}
