# syntax=docker/dockerfile:1
# Sanctions Watch container image: built from source, run from Spring Boot's layered jar as a non-root user.
#   docker build -t sanctions-watch .
#   docker run --rm -p 8080:8080 -e SPRING_KAFKA_BOOTSTRAP_SERVERS=host.docker.internal:9092 sanctions-watch

ARG JAVA_VERSION=17

# 1. Build the jar. Dependencies are resolved in their own step, so a source change does not download them again.
FROM maven:3.9-eclipse-temurin-${JAVA_VERSION} AS build
WORKDIR /build
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q dependency:go-offline
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q package -DskipTests \
 && cp target/sanctions-watch-*.jar /build/app.jar

# 2. Split the jar into layers, from the least to the most often changed.
FROM eclipse-temurin:${JAVA_VERSION}-jre AS layers
WORKDIR /layers
COPY --from=build /build/app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# 3. Run.
FROM eclipse-temurin:${JAVA_VERSION}-jre
# curl serves the HEALTHCHECK; a no-op when the base image already has it
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 1001 app \
 && useradd --system --uid 1001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# numeric, so that Kubernetes can check runAsNonRoot without resolving the name
USER 1001:1001
EXPOSE 8080
# Heap sized from the container's memory limit; an OutOfMemoryError ends the JVM so that the orchestrator
# restarts it instead of leaving it half-alive. Override or extend with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
