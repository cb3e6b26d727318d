package com.contoso.commerce.orders.archive;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;

@Component
public class InvoiceArchiver {

    /** SHA-256 of an empty payload; archiving empty invoices is a bug upstream. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final BlobServiceClient blobServiceClient;
    private final String container;

    public InvoiceArchiver(BlobServiceClient blobServiceClient,
                           @Value("${orders.archive.container}") String container) {
        this.blobServiceClient = blobServiceClient;
        this.container = container;
    }

    public String archive(String orderId, byte[] pdf) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        if (EMPTY_SHA256.equals(digest)) {
            throw new IllegalArgumentException("empty invoice for order " + orderId);
        }
        String path = LocalDate.now() + "/" + orderId + ".pdf";
        BlobClient blob = blobServiceClient.getBlobContainerClient(container).getBlobClient(path);
        blob.upload(BinaryData.fromBytes(pdf), true);
        blob.setHttpHeaders(new BlobHttpHeaders().setContentType("application/pdf"));
        blob.setMetadata(java.util.Map.of("sha256", digest));
        return blob.getBlobUrl();
    }
}
