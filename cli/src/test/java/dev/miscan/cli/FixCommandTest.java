package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mi-scan fix} on copies of the vulnerable samples. */
class FixCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void fix_leavesNoFixableFindingAndNoSecretInTheDiff(@TempDir Path dir) throws IOException {
        copy(SAMPLES.resolve("spring-boot-app").resolve("vulnerable"), dir);
        Path props = dir.resolve("src/main/resources/application.properties");
        String before = Files.readString(props, StandardCharsets.UTF_8);

        String[] r = run("fix", dir.toString());

        String after = Files.readString(props, StandardCharsets.UTF_8);
        // booleans, not the text: a failure message must not print the keys the file still holds
        assertThat(after.equals(before)).as("the settings file changed").isFalse();
        assertThat(after.contains("spring.cloud.azure.servicebus.namespace=orders-bus")).as("namespace setting").isTrue();
        assertThat(after.contains("orders-bus.servicebus.windows.net/;SharedAccessKeyName")).as("Service Bus key left").isFalse();
        // the client id beside it names the app registration: removing the secret alone is not a fix
        assertThat(after.contains("spring.cloud.azure.credential.client-secret=")).as("client secret kept").isTrue();
        assertThat(r[1]).contains("--- a/").contains("not fixed automatically:")
                .containsPattern("not fixed automatically: src/main/resources/application.properties:\\d+  MI-ID-CLIENT-SECRET"
                        + "  \\(the roles of the app registration or user must move to the managed identity first\\)")
                // the reason is the rule's (data), also for a rule renamed from a Java one
                .containsPattern("ReportingDatabase.java:\\d+  MI-DATABASE-PASSWORD  \\(the database needs a user for the identity");
        // Java: the builder authenticates with DefaultAzureCredential, the import is added, formatting kept
        String events = Files.readString(dir.resolve("src/main/java/com/contoso/orders/OrderEvents.java"));
        assertThat(events.contains("import com.azure.identity.DefaultAzureCredentialBuilder;")).as("import").isTrue();
        assertThat(events.contains(
                "            .credential(\"orders-bus.servicebus.windows.net\", new DefaultAzureCredentialBuilder().build())\n"
                        + "            .sender()\n")).as("the builder authenticates with DefaultAzureCredential").isTrue();
        assertThat(events.contains("SharedAccessKey=")).as("key left in OrderEvents.java").isFalse();
        assertThat(r[1]).contains("+            .credential(\"orders-bus.servicebus.windows.net\"");
        String key = before.substring(before.indexOf("AccountKey=") + 11, before.indexOf(";EndpointSuffix"));
        assertThat(r[1].contains(key)).as("the diff shows a removed key").isFalse();
        // nothing fixable is left: a second run changes nothing
        String[] again = run("fix", "--dry-run", dir.toString());
        assertThat(again[1]).doesNotContain("--- a/");
    }

    @Test
    void fixAndPlan_honourTheProjectSettings_aRuleThatIsOffIsNotFixedNorPlanned(@TempDir Path dir) throws IOException {
        copy(SAMPLES.resolve("spring-boot-app").resolve("vulnerable"), dir);
        String[] all = run("fix", "--dry-run", dir.toString());
        assertThat(all[1]).contains("+spring.cloud.azure.storage.blob.endpoint=https://ordersdata.blob.core.windows.net");
        // every storage rule off, the connection string's rule by its former Java id too
        Files.writeString(dir.resolve(".mi-scan.yml"), """
                rules:
                  MI-STORAGE-CONNSTR: off
                  MI-STORAGE-SHAREDKEY: off
                  MI-STORAGE-SAS: off
                  MI-JAVA-STORAGE-KEY-AUTH: off
                """);

        String[] scan = run("scan", "--format", "json", dir.toString());
        String[] fix = run("fix", "--dry-run", dir.toString());
        String[] plan = run("plan", "--format", "json", dir.toString());

        assertThat(scan[1]).doesNotContain("\"MI-STORAGE-");
        assertThat(fix[1]).doesNotContain("blob.core.windows.net").doesNotContain("MI-STORAGE-");
        assertThat(plan[0]).isEqualTo("0");
        assertThat(plan[1]).doesNotContain("MI-STORAGE-").doesNotContain("Storage Blob Data");
        // a broken settings file stops fix and plan as it stops scan
        Files.writeString(dir.resolve(".mi-scan.yml"), "rules:\n  MI-NO-SUCH-RULE: off\n");
        assertThat(run("fix", "--dry-run", dir.toString())[0]).isEqualTo("2");
        assertThat(run("plan", dir.toString())[0]).isEqualTo("2");
    }

    @Test
    void dryRun_changesNothing(@TempDir Path dir) throws IOException {
        copy(SAMPLES.resolve("spring-boot-app").resolve("vulnerable"), dir);
        Path props = dir.resolve("src/main/resources/application.properties");
        String before = Files.readString(props, StandardCharsets.UTF_8);

        String[] r = run("fix", "--dry-run", dir.toString());

        // booleans, so that a failure never prints the file's secrets
        assertThat(Files.readString(props, StandardCharsets.UTF_8).equals(before)).as("the file is unchanged").isTrue();
        assertThat(r[1]).contains("dry run").contains("+spring.cloud.azure.storage.blob.endpoint=https://ordersdata.blob.core.windows.net");
    }

    @Test
    void filesWithUncommittedChanges_areLeftAloneWithoutForce(@TempDir Path dir) throws Exception {
        copy(SAMPLES.resolve("spring-boot-app").resolve("vulnerable"), dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setSign(false).setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com").call();
        }
        Path props = dir.resolve("src/main/resources/application.properties");
        Files.writeString(props, Files.readString(props) + "\n# local edit\n");
        String before = Files.readString(props);

        String[] r = run("fix", dir.toString());
        assertThat(Files.readString(props).equals(before)).as("the file is unchanged").isTrue();
        assertThat(r[2]).contains("has uncommitted changes");

        run("fix", "--force", dir.toString());
        assertThat(Files.readString(props).equals(before)).as("the file was fixed").isFalse();
    }

    @Test
    void theDiffShowsNoSecret_notEvenASuppressedOneInItsContext(@TempDir Path dir) throws IOException {
        // mi-scan:allow MI-STORAGE-SHAREDKEY test vector
        String storageKey = "nFShbpNu8Mu13joHhdasAw1Tm9To7ajbP/n9OPia2aDmsXRj2grrSbBF5jKrP58ww/OO/dqO7zF6uwy1luV+IQ==";
        String busKey = "XgosQT1JBR7VE4taFEzBlTK7XufWxkcp+TnYEoFnLig=";
        Files.writeString(dir.resolve("application.properties"), String.join("\n",
                "# mi-scan:allow MI-STORAGE-CONNSTR the shared test account, accepted by the team",
                "azure.storage.connection-string=DefaultEndpointsProtocol=https;AccountName=legacydata;AccountKey="
                        + storageKey + ";EndpointSuffix=core.windows.net",
                "spring.cloud.azure.servicebus.connection-string=Endpoint=sb://diff-bus.servicebus.windows.net/;"
                        + "SharedAccessKeyName=app;SharedAccessKey=" + busKey,
                ""));

        String[] r = run("fix", dir.toString());

        assertThat(r[1]).contains("+spring.cloud.azure.servicebus.namespace=diff-bus")
                .contains(" azure.storage.connection-string=") // the suppressed setting is context of the hunk
                .doesNotContain(storageKey.substring(0, 20)).doesNotContain(busKey.substring(0, 20));
    }
}
