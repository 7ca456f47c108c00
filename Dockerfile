# paperpulse application image: `docker build -t paperpulse .`
# Stage 1 builds the executable jar with the whole Maven reactor (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds (BuildKit, Docker's default builder).
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

# Stage 2: a JRE, the jar and the bundled sample, run as an unprivileged user.
FROM eclipse-temurin:17-jre AS runtime
# curl serves the compose health checks (GET /health on the streams HTTP port).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 paperpulse \
    && useradd --system --uid 10001 --gid paperpulse --home-dir /app --shell /usr/sbin/nologin paperpulse \
    && mkdir -p /app/data /app/samples \
    && chown -R paperpulse:paperpulse /app
WORKDIR /app
COPY --from=build /src/cli/target/paperpulse.jar /app/paperpulse.jar
COPY producer/src/main/resources/io/paperpulse/producer/sample/daily-papers.txt /app/samples/daily-papers.txt
COPY deploy/class-data-archive.sh /app/class-data-archive.sh
USER paperpulse
# A class-data-sharing archive of the jar, made by a training run of the demo (about 20 s): every
# start maps the classes instead of loading them, a restarted streams instance processes sooner.
RUN /app/class-data-archive.sh /app/paperpulse.jar /app/paperpulse.jsa
# Relative defaults such as --state-dir data/streams-state land in /app/data, a volume in docker-compose.yml.
EXPOSE 8080
ENTRYPOINT ["java","-XX:SharedArchiveFile=/app/paperpulse.jsa","-Xlog:disable","-Xlog:all=warning:stderr","-jar","/app/paperpulse.jar"]
CMD ["--help"]
