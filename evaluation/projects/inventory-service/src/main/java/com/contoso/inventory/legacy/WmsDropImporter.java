package com.contoso.inventory.legacy;

import com.azure.storage.file.share.ShareClient;
import com.azure.storage.file.share.ShareServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Imports the nightly WMS stock snapshot from the old Azure Files share. */
@Component
@Profile("azure")
public class WmsDropImporter {

    private static final String KEY_MARKER = "AccountKey=";

    private final ShareClient share = new ShareServiceClientBuilder()
            .connectionString("DefaultEndpointsProtocol=https;AccountName=stcontosowmsdrop;AccountKey=wKkJC6IurWbxnGfloOLXRPaOGTmDZtEz2qWYSgWb6qd0rtPB0rZZ7YKTAZ8tEBnYqM7GX3mtey7EhpNwSnYMQw==;EndpointSuffix=core.windows.net")
            .buildClient()
            .getShareClient("wms-drop");

    private final QueueClient doneQueue = new QueueClientBuilder()
            .endpoint("https://stcontosowmsdrop.queue.core.windows.net/import-done")
            .sasToken("sv=2022-11-02&ss=q&srt=o&sp=a&se=2026-09-30T00:00:00Z&spr=https&sig=48feGLhaXMSJUh6vQRyCDqgEcTE3oy6XJSrG%2Fsil9yc%3D")
            .buildClient();

    @Scheduled(cron = "0 30 4 * * *")
    public void importSnapshot() {
        share.getRootDirectoryClient().listFilesAndDirectories().forEach(f -> {
            // ... parse CSV and upsert stock levels
            doneQueue.sendMessage(f.getName());
        });
    }

    static String mask(String connectionString) {
        return connectionString.replaceAll(KEY_MARKER + "[^;]+", KEY_MARKER + "****");
    }
}
