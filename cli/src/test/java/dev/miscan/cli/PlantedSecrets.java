package dev.miscan.cli;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a project that holds fresh random fake credentials in every encoding a file can give them (plain,
 * {@code \\u} and octal escapes, {@code \\/}, URL encoding, base64, char arrays, concatenated pieces, a
 * continuation line) and in every format (Java, properties, JSON, YAML, Kubernetes, .env, shell, Bicep,
 * Terraform, XML, compose), plus credential-shaped values no rule reports, and checks an output for any
 * 8-character piece of any of them, in the output as written and in the output decoded every way a reader
 * could decode it. The secrets live only in memory; {@link #leaks} names where a piece was found, never the piece.
 */
final class PlantedSecrets {
    static final int PIECE = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** name → secret. */
    private final Map<String, String> secrets = new LinkedHashMap<>();

    private static String random(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Base64 of {@code bytes} random bytes, with a slash and a plus in it (so that every escape has work to do). */
    private static String base64(int bytes) {
        while (true) {
            byte[] b = new byte[bytes];
            RANDOM.nextBytes(b);
            String s = Base64.getEncoder().encodeToString(b);
            if (s.contains("/") && s.contains("+") && !s.toLowerCase(java.util.Locale.ROOT).contains("xxx")) {
                return s;
            }
        }
    }

    private String storageKey(String name) {
        return put(name, base64(64));
    }

    private String put(String name, String secret) {
        secrets.put(name, secret);
        return secret;
    }

    /** An Entra client secret: three characters, a digit, {@code Q~}, 34 more. */
    private String clientSecret(String name) {
        while (true) {
            // a random tail may spell a filler ("...", "-xxx-"): mi-scan rightly takes that for a placeholder
            String s = random(ALNUM, 3) + RANDOM.nextInt(10) + "Q~" + random(ALNUM + "_~.-", 34);
            if (!dev.miscan.core.secrets.Placeholders.isPlaceholder(s)) {
                return put(name, s);
            }
        }
    }

    private String password(String name) {
        return put(name, random(ALNUM, 6) + "!" + random(ALNUM, 6) + "#" + random(ALNUM, 6));
    }

    private static String conn(String account, String key) {
        return "DefaultEndpointsProtocol=https;AccountName=" + account + ";AccountKey=" + key
                + ";EndpointSuffix=core.windows.net";
    }

    /** Every character as a Java/JSON {@code \\uXXXX} escape. */
    static String unicodeEscaped(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(String.format("\\u%04x", c)));
        return sb.toString();
    }

    static String octalEscaped(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(String.format("\\%03o", c)));
        return sb.toString();
    }

    static String charArray(String s) {
        List<String> chars = new ArrayList<>();
        s.chars().forEach(c -> chars.add("'" + (c == '\'' || c == '\\' ? "\\" : "") + (char) c + "'"));
        return "{" + String.join(", ", chars) + "}";
    }

    static String pieces(String s) {
        int a = s.length() / 3;
        int b = 2 * s.length() / 3;
        return "\"" + s.substring(0, a) + "\" + \"" + s.substring(a, b) + "\"\n            + \"" + s.substring(b) + "\"";
    }

    /** The committed project. */
    void writeProject(Path root) throws IOException {
        write(root, "src/main/java/demo/Keys.java", """
                package demo;

                import com.azure.identity.ClientSecretCredentialBuilder;
                import com.azure.storage.blob.BlobServiceClientBuilder;
                import com.azure.storage.common.StorageSharedKeyCredential;

                public class Keys {
                    static final String PLAIN = "%s";
                    static final String ESCAPED = "DefaultEndpointsProtocol=https;AccountName=contosob;AccountKey=%s;EndpointSuffix=core.windows.net";
                    static final String OCTAL = "DefaultEndpointsProtocol=https;AccountName=contosoc;AccountKey=%s;EndpointSuffix=core.windows.net";
                    static final String SPLIT = "DefaultEndpointsProtocol=https;AccountName=contosod;AccountKey="
                        + %s
                        + ";EndpointSuffix=core.windows.net";
                    static final char[] DB_PASSWORD = %s;
                    static final char[] DB_PASSWORD_2 = "%s".toCharArray();

                    Object clients() {
                        new BlobServiceClientBuilder().endpoint("https://contosoe.blob.core.windows.net")
                            .credential(new StorageSharedKeyCredential("contosoe", "%s")).buildClient();
                        return new ClientSecretCredentialBuilder().tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
                            .clientId("4a1aa1d5-c567-49d0-ad0b-cd957a47f842").clientSecret("%s").build();
                    }
                }
                """.formatted(conn("contosoa", storageKey("java plain")),
                unicodeEscaped(storageKey("java \\u escaped")), octalEscaped(storageKey("java octal")),
                pieces(storageKey("java pieces")), charArray(password("java char array")),
                password("java toCharArray"), storageKey("java shared key credential"),
                clientSecret("java client secret")));
        String escapedProperty = unicodeEscaped(storageKey("properties \\u escaped"));
        String continued = storageKey("properties continuation");
        write(root, "src/main/resources/application.properties", """
                spring.datasource.url=jdbc:sqlserver://contoso-sql.database.windows.net:1433;database=orders;encrypt=true
                spring.datasource.username=orders_app
                spring.datasource.password=%s
                api.token=%s
                azure.storage.account-key=%s
                spring.cloud.azure.servicebus.connection-string=Endpoint=sb://contoso-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s
                spring.cloud.azure.storage.blob.connection-string=DefaultEndpointsProtocol=https;AccountName=contosof;\\
                    AccountKey=%s;\\
                    EndpointSuffix=core.windows.net
                spring.cloud.azure.credential.client-secret=%s
                spring.cloud.azure.credential.client-id=4a1aa1d5-c567-49d0-ad0b-cd957a47f842
                """.formatted(password("properties password"), put("undetected api.token", random(ALNUM, 32)),
                escapedProperty, put("properties service bus key", base64(32)),
                continued.substring(0, 40) + "\\\n    " + continued.substring(40),
                clientSecret("properties client secret")));
        String slashed = storageKey("json \\/ escaped");
        String sig = put("json URL-encoded sig", base64(32));
        write(root, "local.settings.json", """
                {
                  "IsEncrypted": false,
                  "Values": {
                    "FUNCTIONS_WORKER_RUNTIME": "java",
                    "AzureWebJobsStorage": "%s",
                    "ReportsSas": "https://contosoh.blob.core.windows.net/reports?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&spr=https&sig=%s",
                    "AZURE_CLIENT_SECRET": "%s",
                    "AZURE_CLIENT_ID": "4a1aa1d5-c567-49d0-ad0b-cd957a47f842",
                    "PartnerToken": "%s"
                  }
                }
                """.formatted(conn("contosog", slashed.replace("/", "\\/")),
                URLEncoder.encode(sig, StandardCharsets.UTF_8),
                unicodeEscaped(clientSecret("json \\u escaped client secret")),
                put("undetected json token", random(ALNUM, 40))));
        write(root, "k8s/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: storage
                type: Opaque
                data:
                  connection: %s
                """.formatted(put("k8s base64 value", Base64.getEncoder().encodeToString(
                conn("contosoi", storageKey("k8s base64")).getBytes(StandardCharsets.UTF_8)))));
        write(root, "src/main/resources/application.yaml", """
                spring:
                  cloud:
                    azure:
                      eventhubs:
                        connection-string: "Endpoint=sb://contoso-hub.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=%s"
                      storage:
                        account-name: contosoj
                        account-key: '%s'
                """.formatted(put("yaml event hubs key", base64(32)), storageKey("yaml quoted")));
        write(root, ".env", """
                AZURE_TENANT_ID=72f988bf-86f1-41af-91ab-2d7cd011db47
                AZURE_CLIENT_ID=4a1aa1d5-c567-49d0-ad0b-cd957a47f842
                AZURE_CLIENT_SECRET=%s
                AZURE_STORAGE_CONNECTION_STRING="%s"
                """.formatted(clientSecret(".env client secret"), conn("contosok", storageKey(".env quoted"))));
        write(root, "scripts/upload.sh", """
                #!/bin/sh
                az storage blob upload --account-name contosol --account-key "%s" \\
                    --container-name reports --file report.csv --name report.csv
                az login --service-principal -u 4a1aa1d5-c567-49d0-ad0b-cd957a47f842 -p '%s' --tenant 72f988bf-86f1-41af-91ab-2d7cd011db47
                """.formatted(storageKey("shell account key"), clientSecret("shell client secret")));
        write(root, "infra/main.bicep", """
                @secure()
                param sqlAdminPassword string = '%s'

                var storageConnection = '%s'

                resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
                  name: 'contoso-sql'
                  location: resourceGroup().location
                  properties: {
                    administratorLogin: 'sqladmin'
                    administratorLoginPassword: sqlAdminPassword
                  }
                }

                output conn string = storageConnection
                """.formatted(password("bicep password"), conn("contosom", storageKey("bicep variable"))));
        write(root, "infra/main.tf", """
                provider "azurerm" {
                  features {}
                  client_id     = "4a1aa1d5-c567-49d0-ad0b-cd957a47f842"
                  client_secret = "%s"
                  tenant_id     = "72f988bf-86f1-41af-91ab-2d7cd011db47"
                }
                """.formatted(clientSecret("terraform client secret")));
        write(root, "web.config", """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <connectionStrings>
                    <add name="Storage" connectionString="%s" />
                  </connectionStrings>
                </configuration>
                """.formatted(conn("contoson", storageKey("xml attribute"))));
        write(root, "docker-compose.yml", """
                services:
                  api:
                    image: contoso/api:1.0
                    environment:
                      - AZURE_CLIENT_ID=4a1aa1d5-c567-49d0-ad0b-cd957a47f842
                      - AZURE_CLIENT_SECRET=%s
                      - AZURE_STORAGE_CONNECTION_STRING=%s
                """.formatted(clientSecret("compose client secret"), conn("contosoo", storageKey("compose list"))));
        write(root, ".gitignore", "target/\n");
    }

    /** A file added to the index only, for {@code scan --staged}. */
    void writeStaged(Path root) throws IOException {
        write(root, "src/main/resources/application-staged.properties", """
                spring.cloud.azure.storage.blob.connection-string=%s
                spring.cloud.azure.credential.client-secret=%s
                """.formatted(conn("contosop", storageKey("staged key")), clientSecret("staged client secret")));
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    int count() {
        return secrets.size();
    }

    /** Every way a reader could decode {@code output} to find a secret in it. */
    static List<String> readings(String output) {
        List<String> out = new ArrayList<>();
        out.add(output);
        out.add(unescape(output));
        try {
            out.add(URLDecoder.decode(output.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            out.add(lenientUrlDecode(output));
        }
        // char literals and concatenated pieces joined up
        out.add(unescape(output).replaceAll("'\\s*,\\s*'", "").replaceAll("\"\\s*\\+\\s*\"", ""));
        out.add(output.replaceAll("\\\\\\r?\\n\\s*", ""));
        return out;
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\(?:u([0-9A-Fa-f]{4})|([0-7]{3})|x([0-9A-Fa-f]{2})|([/\\\\\"']))");

    static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String c;
            if (m.group(1) != null) {
                c = String.valueOf((char) Integer.parseInt(m.group(1), 16));
            } else if (m.group(2) != null) {
                c = String.valueOf((char) Integer.parseInt(m.group(2), 8));
            } else if (m.group(3) != null) {
                c = String.valueOf((char) Integer.parseInt(m.group(3), 16));
            } else {
                c = m.group(4);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(c));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String lenientUrlDecode(String s) {
        Matcher m = Pattern.compile("%([0-9A-Fa-f]{2})").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * The names of the secrets an 8-character piece of which is in {@code output} in any reading, each with
     * where the check looked ({@code channel}); never the piece itself.
     */
    List<String> leaks(String channel, String output) {
        List<String> found = new ArrayList<>();
        List<String> readings = readings(output);
        secrets.forEach((name, secret) -> {
            List<String> forms = new ArrayList<>(List.of(secret));
            forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            for (String form : forms) {
                for (int i = 0; i + PIECE <= form.length(); i++) {
                    String piece = form.substring(i, i + PIECE);
                    if (readings.stream().anyMatch(r -> r.contains(piece))) {
                        found.add(channel + ": " + name);
                        return;
                    }
                }
            }
        });
        return found;
    }
}
