// mi-scan:allow-file test fixture: reads only, through the archive's getter
package shop;

public class ReportViewer {
    private final ReportArchive archive = new ReportArchive();

    public byte[] show(String name) {
        if (!archive.getBlobs().getBlobContainerClient("reports").getBlobClient(name).exists()) {
            return new byte[0];
        }
        return archive.getBlobs().getBlobContainerClient("reports").getBlobClient(name).downloadContent().toBytes();
    }
}
