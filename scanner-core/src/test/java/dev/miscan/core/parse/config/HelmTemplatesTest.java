package dev.miscan.core.parse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    /** What {@code helm create} and widely used charts write: each must parse after the rewrite, offsets kept. */
    @ParameterizedTest
    @ValueSource(strings = {
        // helm create: tests/test-connection.yaml (an action with quotes inside a double-quoted string)
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: "{{ include "mychart.fullname" . }}-test-connection"
          labels:
            {{- include "mychart.labels" . | nindent 4 }}
          annotations:
            "helm.sh/hook": test
        spec:
          containers:
            - name: wget
              image: busybox
              command: ['wget']
              args: ['{{ include "mychart.fullname" . }}:{{ .Values.service.port }}']
          restartPolicy: Never
        """,
        // a licence comment over several lines, a key written by an action, entries after an nindent
        """
        {{- /*
        Copyright Example Ltd. All Rights Reserved.
        SPDX-License-Identifier: APACHE-2.0
        */}}
        {{- if .Values.networkPolicy.enabled }}
        kind: NetworkPolicy
        metadata:
          name: {{ template "common.names.fullname" . }}
          labels: {{- include "common.labels.standard" . | nindent 4 }}
            app.kubernetes.io/component: master
        spec:
          podSelector:
            matchLabels:
              {{ template "common.names.fullname" . }}-client: "true"
              {{- range $key, $value := .Values.extraLabels }}
              {{ $key | quote }}: {{ $value | quote }}
              {{- end }}
          ports:
            - port: {{ .Values.port }}
              name: {{ printf "%s: %s" .a .b }}-x
        data:
          uri: {{ printf "redis://%s@%s:%s" $password $host $port | b64enc | quote }}
          escaped: "{{ .Values.path | replace "\\" "/" }}"
          single: 'it''s {{ .Values.name | quote }}'
        {{- end }}
        """
    })
    void realChartTemplatesParse(String template) {
        String yaml = HelmTemplates.asYaml(template);

        assertThat(yaml).hasSameSizeAs(template);
        assertThat(yaml.lines().count()).isEqualTo(template.lines().count());
        assertThatCode(() -> new Yaml().loadAll(yaml).forEach(d -> { })).as(yaml).doesNotThrowAnyException();
    }
}
