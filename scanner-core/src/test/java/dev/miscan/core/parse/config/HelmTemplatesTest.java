package dev.miscan.core.parse.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class HelmTemplatesTest {

    private static final String TEMPLATE = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: {{ include "catalog.fullname" . }}-db
              labels:
                {{- include "catalog.labels" . | nindent 4 }}
            data:
              PASSWORD: {{ .Values.database.password | b64enc | quote }}
              {{- with .Values.storage.connectionString }}
              CONNECTION: {{ . | b64enc | quote }}
              {{- end }}
              IMAGE: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
            """;

    @Test
    void rewriteKeepsEveryOffsetAndParses() {
        String yaml = HelmTemplates.asYaml(TEMPLATE);
        assertThat(yaml).hasSameSizeAs(TEMPLATE);
        assertThat(yaml.indexOf("PASSWORD")).isEqualTo(TEMPLATE.indexOf("PASSWORD"));
        assertThat((Object) new Yaml().load(yaml)).isNotNull();
    }

    @Test
    void aWholeValueActionStaysAValueAndQuotedActionsAreLeftAlone() {
        String yaml = HelmTemplates.asYaml(TEMPLATE);
        assertThat(yaml).contains("PASSWORD: '{ .Values.database.password | b64enc | quote }'");
        assertThat(yaml).contains("IMAGE: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"");
        assertThat(yaml).doesNotContain("{{- end }}");
    }
}
