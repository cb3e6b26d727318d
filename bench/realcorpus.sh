#!/usr/bin/env bash
# Makes the real-world Java corpus of the benchmark: the -sources jars of widely used libraries (the Azure SDK,
# Spring, JDBC drivers, Netty, Guava…) from Maven Central, unpacked under $1 (default /tmp/realcorpus), one folder
# per artifact. Used for throughput and for false-positive hunting: a scan of it must give no error.
set -euo pipefail
dest=${1:-/tmp/realcorpus}
mkdir -p "$dest"
arts=(
  com.azure:azure-storage-blob:12.29.0
  com.azure:azure-storage-common:12.28.0
  com.azure:azure-identity:1.15.0
  com.azure:azure-core:1.54.1
  com.azure:azure-messaging-servicebus:7.17.8
  com.azure:azure-messaging-eventhubs:5.19.1
  com.azure:azure-cosmos:4.71.0
  com.azure:azure-security-keyvault-secrets:4.9.2
  com.azure.spring:spring-cloud-azure-autoconfigure:5.19.0
  com.microsoft.sqlserver:mssql-jdbc:12.8.1.jre11
  org.springframework:spring-core:6.2.1
  org.springframework:spring-context:6.2.1
  org.springframework:spring-jdbc:6.2.1
  org.springframework.boot:spring-boot-autoconfigure:3.4.1
  com.fasterxml.jackson.core:jackson-databind:2.18.2
  com.google.guava:guava:33.4.0-jre
  org.apache.commons:commons-lang3:3.17.0
  org.hibernate.orm:hibernate-core:6.6.4.Final
  io.netty:netty-handler:4.1.116.Final
  org.eclipse.jgit:org.eclipse.jgit:7.1.0.202411261347-r
  com.github.javaparser:javaparser-core:3.26.3
  org.postgresql:postgresql:42.7.4
  com.mysql:mysql-connector-j:9.1.0
  redis.clients:jedis:5.2.0
)
for a in "${arts[@]}"; do
  IFS=: read -r g n v <<<"$a"
  out="$dest/$n"
  [ -d "$out" ] && continue
  jar="$HOME/.m2/repository/${g//.//}/$n/$v/$n-$v-sources.jar"
  [ -f "$jar" ] || mvn -q dependency:get -Dtransitive=false -Dartifact="$g:$n:$v:jar:sources" >/dev/null 2>&1 || { echo "skip $a" >&2; continue; }
  mkdir -p "$out" && (cd "$out" && unzip -q -o "$jar")
done
echo "$dest: $(find "$dest" -type f | wc -l) files, $(du -sh "$dest" | cut -f1)"
