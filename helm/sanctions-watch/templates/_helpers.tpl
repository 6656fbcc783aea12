{{/*
Expand the name of the chart.
*/}}
{{- define "sanctions-watch.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name, truncated at 63 characters because some Kubernetes name fields are
limited to this (by the DNS naming spec). If the release name contains the chart name it is used as is.
*/}}
{{- define "sanctions-watch.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version as used by the chart label.
*/}}
{{- define "sanctions-watch.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels
*/}}
{{- define "sanctions-watch.labels" -}}
helm.sh/chart: {{ include "sanctions-watch.chart" . }}
{{ include "sanctions-watch.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: sanctions-watch
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Selector labels
*/}}
{{- define "sanctions-watch.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sanctions-watch.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the service account to use
*/}}
{{- define "sanctions-watch.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "sanctions-watch.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The image reference: the digest wins over the tag, and the tag defaults to the chart's appVersion.
*/}}
{{- define "sanctions-watch.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
Name of the ConfigMap holding the rule packs.
*/}}
{{- define "sanctions-watch.rulesConfigMap" -}}
{{- default (printf "%s-rules" (include "sanctions-watch.fullname" .)) .Values.rules.existingConfigMap }}
{{- end }}

{{/*
Whether the rule directory is mounted: packs given inline or an existing ConfigMap.
*/}}
{{- define "sanctions-watch.rulesMounted" -}}
{{- if or .Values.rules.packs .Values.rules.existingConfigMap }}true{{- end }}
{{- end }}

{{/*
Whether the cluster is reached through SASL.
*/}}
{{- define "sanctions-watch.sasl" -}}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol }}true{{- end }}
{{- end }}

{{/*
The JAAS login module for the configured SASL mechanism.
*/}}
{{- define "sanctions-watch.saslLoginModule" -}}
{{- if eq .Values.kafka.sasl.mechanism "PLAIN" -}}
org.apache.kafka.common.security.plain.PlainLoginModule
{{- else -}}
org.apache.kafka.common.security.scram.ScramLoginModule
{{- end }}
{{- end }}

{{/*
KEDA's name for the SASL mechanism.
*/}}
{{- define "sanctions-watch.kedaSasl" -}}
{{- if eq .Values.kafka.sasl.mechanism "PLAIN" }}plaintext
{{- else }}{{ .Values.kafka.sasl.mechanism | lower | replace "-" "_" | replace "sha_" "sha" }}
{{- end }}
{{- end }}

{{/*
Checks that cannot be expressed in values.schema.json, with a message that says what to set.
*/}}
{{- define "sanctions-watch.validate" -}}
{{- if and (include "sanctions-watch.sasl" .) (not .Values.kafka.sasl.existingSecret) }}
{{- fail (printf "kafka.securityProtocol is %s: set kafka.sasl.existingSecret to the Secret holding the SASL user name and password" .Values.kafka.securityProtocol) }}
{{- end }}
{{- if and .Values.database.enabled (not .Values.database.existingSecret) }}
{{- fail "database.enabled is true: set database.existingSecret to the Secret holding the database password" }}
{{- end }}
{{- if and .Values.pdb.minAvailable .Values.pdb.maxUnavailable }}
{{- fail "set either pdb.minAvailable or pdb.maxUnavailable, not both" }}
{{- end }}
{{- if and .Values.rules.packs .Values.rules.existingConfigMap }}
{{- fail "set either rules.packs or rules.existingConfigMap, not both" }}
{{- end }}
{{- end }}

{{/*
The container's environment that cannot live in the ConfigMap: values read from Secrets, and the settings
built from them. Empty when there are none.
*/}}
{{- define "sanctions-watch.env" -}}
{{- if include "sanctions-watch.sasl" . }}
- name: KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.sasl.existingSecret }}
      key: {{ .Values.kafka.sasl.usernameKey }}
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.sasl.existingSecret }}
      key: {{ .Values.kafka.sasl.passwordKey }}
# Kubernetes expands $(VAR) from the two variables above; the secret values never reach the chart
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"$(KAFKA_SASL_USERNAME)\" password=\"$(KAFKA_SASL_PASSWORD)\";" (include "sanctions-watch.saslLoginModule" .) | quote }}
{{- end }}
{{- with .Values.kafka.tls.truststore }}
{{- if and .existingSecret .passwordKey }}
- name: SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .passwordKey }}
{{- end }}
{{- end }}
{{- with .Values.kafka.tls.keystore }}
{{- if and .existingSecret .passwordKey }}
- name: SPRING_KAFKA_SSL_KEY_STORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .passwordKey }}
{{- end }}
{{- if and .existingSecret .keyPasswordKey }}
- name: SPRING_KAFKA_SSL_KEY_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .keyPasswordKey }}
{{- end }}
{{- end }}
{{- if .Values.database.enabled }}
# read by the dashboard store (a later release); this version has no datasource and ignores them
- name: SPRING_DATASOURCE_URL
  value: {{ .Values.database.url | quote }}
- name: SPRING_DATASOURCE_USERNAME
  value: {{ .Values.database.username | quote }}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.passwordKey }}
{{- end }}
{{- with .Values.extraEnvVars }}
{{ toYaml . }}
{{- end }}
{{- end }}
