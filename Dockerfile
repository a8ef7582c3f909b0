# syntax=docker/dockerfile:1
# avesa-cutover: the worker and the avesa CLI in one image.
#   docker build -t avesa-cutover:dev .
#   docker run --rm -e TEMPORAL_ADDRESS=host:7233 avesa-cutover:dev           # the worker
#   docker run --rm --entrypoint avesa avesa-cutover:dev --help               # the CLI
# docker-compose.yml builds it for the worker and the demo seed job.

# ---- build: the shaded jars --------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms first, so the dependency download is cached apart from source changes.
COPY pom.xml ./
COPY workflows/pom.xml workflows/
COPY runtime/pom.xml runtime/
COPY activities/pom.xml activities/
COPY worker/pom.xml worker/
COPY client-cli/pom.xml client-cli/
COPY e2e/pom.xml e2e/
COPY workflows/src workflows/src
COPY runtime/src runtime/src
COPY activities/src activities/src
COPY worker/src worker/src
COPY client-cli/src client-cli/src
COPY e2e/src e2e/src
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q package -DskipTests \
 && test -f worker/target/avesa-worker.jar \
 && test -f client-cli/target/avesa-cli.jar

# ---- runtime: JRE + both jars + the bin/ launchers ----------------------------------------------
FROM eclipse-temurin:17-jre
# The launchers look for the jars where the Maven build puts them, relative to their own folder.
WORKDIR /app
RUN groupadd --system avesa \
 && useradd --system --gid avesa --home-dir /app --shell /usr/sbin/nologin avesa \
 && mkdir -p /app/worker/target /app/client-cli/target /config \
 && chown avesa:avesa /config
COPY --from=build /src/worker/target/avesa-worker.jar /app/worker/target/avesa-worker.jar
COPY --from=build /src/client-cli/target/avesa-cli.jar /app/client-cli/target/avesa-cli.jar
COPY bin/ /app/bin/
COPY examples/ /app/examples/
RUN chmod 0755 /app/bin/* \
 && ln -s /app/worker/target/avesa-worker.jar /app/avesa-worker.jar \
 && ln -s /app/client-cli/target/avesa-cli.jar /app/avesa-cli.jar
ENV PATH="/app/bin:${PATH}" \
    JAVA_OPTS="-XX:MaxRAMPercentage=75" \
    TEMPORAL_ADDRESS="temporal:7233" \
    TEMPORAL_NAMESPACE="default" \
    METRICS_PORT="9464" \
    METRICS_HOST="0.0.0.0"
USER avesa
# /metrics (Prometheus text) and /health
EXPOSE 9464
# /config holds the config written by `avesa-worker seed-demo --config-out` (a volume in compose).
VOLUME ["/config"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${METRICS_PORT:-9464} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '^ok' <&3"]
ENTRYPOINT ["/app/bin/avesa-worker"]
