package com.contoso.inventory.export;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

@Component
@Profile("azure")
public class PartnerExportClient {

    private final BlobContainerClient container;

    public PartnerExportClient(@Value("${inventory.export.endpoint}") String endpoint,
                               @Value("${inventory.export.container}") String containerName,
                               @Value("${inventory.export.sas}") String sas) {
        this.container = new BlobContainerClientBuilder()
                .endpoint(endpoint)
                .containerName(containerName)
                .sasToken(sas)
                .buildClient();
    }

    public void publish(String name, String csv) {
        container.getBlobClient(name).upload(BinaryData.fromString(csv), true);
    }
}
