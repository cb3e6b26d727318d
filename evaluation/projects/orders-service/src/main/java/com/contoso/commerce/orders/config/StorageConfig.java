package com.contoso.commerce.orders.config;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration
public class StorageConfig {

    @Value("${orders.archive.account-name}")
    private String accountName;

    @Value("${orders.archive.endpoint}")
    private String endpoint;

    @Bean
    @Profile("prod")
    public BlobServiceClient archiveBlobClient(@Value("${orders.archive.account-key}") String accountKey) {
        return new BlobServiceClientBuilder()
                .endpoint(endpoint)
                .credential(new StorageSharedKeyCredential(accountName, accountKey))
                .buildClient();
    }

    @Bean
    @Profile("!prod")
    public BlobServiceClient localBlobClient() {
        return new BlobServiceClientBuilder()
                .connectionString("UseDevelopmentStorage=true")
                .buildClient();
    }

    /**
     * The BI team owns this account and only hands out connection strings.
     * Example format: "DefaultEndpointsProtocol=https;AccountName=myaccount;AccountKey=mykey;EndpointSuffix=core.windows.net"
     */
    @Bean
    public BlobContainerClient dailyExportContainer() {
        return new BlobServiceClientBuilder()
                .connectionString("DefaultEndpointsProtocol=https;AccountName=stcontosoreports02;AccountKey=yqLjLTBdFY64je/ka81rbxg/iVtAX78cDGXrzBoWJIwz7/vmabqBMxELaiXgdjojyY8aVo+NMn1N8gq6yduoJw==;EndpointSuffix=core.windows.net")
                .buildClient()
                .getBlobContainerClient("daily-orders");
    }
}
