package io.paperpulse.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.paperpulse.cli.EnvironmentDefaults;
import io.paperpulse.cli.PaperPulse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docker-compose.yml checked against the application without a Docker engine: the commands,
 * options, environment variables, ports and addresses it uses must be the ones paperpulse and the
 * other services actually have. (`docker-compose config -q` in .ci/run checks the file against the
 * Compose schema.)
 */
class ComposeFileTest {

  private static final String VARIABLE_PREFIX = "PAPERPULSE_";
  private static final Set<String> LONG_RUNNING_COMMANDS =
      Set.of("streams", "local-cluster", "demo", "watch");

  private static Path root;
  private static ComposeFile compose;

  @BeforeAll
  static void readComposeFile() throws Exception {
    root = ProjectRoot.find();
    compose = ComposeFile.read(root.resolve("docker-compose.yml"));
  }

  @Test
  void paperPulseServicesRunRealCommandsWhoseArgumentsAndEnvironmentParse() {
    assertThat(compose.paperPulseServices())
        .extracting(service -> service.command().get(0))
        .contains("topics", "streams", "produce");
    for (ComposeService service : compose.paperPulseServices()) {
      subcommand(service);
      // Parsing applies the environment as option defaults: a wrong type (a port that is not a
      // number) fails here.
      CommandLine commandLine = PaperPulse.commandLine(service.environment(), quiet(), quiet());
      assertThatCode(() -> commandLine.parseArgs(service.command().toArray(String[]::new)))
          .as("%s: paperpulse %s", service.name(), service.command())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void everyPaperPulseVariableNamesAnOptionOfTheCommandItConfigures() {
    for (ComposeService service : compose.paperPulseServices()) {
      Set<String> variables =
          subcommand(service).options().stream()
              .filter(option -> !option.usageHelp() && !option.versionHelp())
              .map(OptionSpec::longestName)
              .filter(name -> name.startsWith("--"))
              .map(EnvironmentDefaults::variableFor)
              .collect(Collectors.toSet());
      Set<String> used =
          service.environment().keySet().stream()
              .filter(name -> name.startsWith(VARIABLE_PREFIX))
              .collect(Collectors.toSet());
      assertThat(used)
          .as("%s (paperpulse %s)", service.name(), service.command().get(0))
          .isNotEmpty();
      assertThat(variables)
          .as("options of paperpulse %s used by %s", service.command().get(0), service.name())
          .containsAll(used);
    }
  }

  @Test
  void httpPortsArePublishedHealthCheckedAndScrapedByPrometheus() throws Exception {
    List<ComposeService> servers = httpServers();
    assertThat(servers).as("services with PAPERPULSE_HTTP_PORT").hasSizeGreaterThanOrEqualTo(2);
    Set<String> expectedTargets = new HashSet<>();
    for (ComposeService server : servers) {
      int port = httpPort(server);
      assertThat(server.containerPorts())
          .as("%s publishes its HTTP port", server.name())
          .contains(port);
      assertThat(server.healthcheck())
          .as("%s health check", server.name())
          .hasValueSatisfying(check -> assertThat(check).contains("localhost:" + port + "/health"));
      expectedTargets.add(server.hostname().orElse(server.name()) + ":" + port);
    }
    assertThat(servers.stream().map(ComposeFileTest::httpPort).distinct())
        .as("distinct HTTP ports")
        .hasSameSizeAs(servers);

    JsonNode prometheus =
        new ObjectMapper(new YAMLFactory())
            .readTree(root.resolve("deploy/prometheus.yml").toFile());
    Set<String> targets = new HashSet<>();
    for (JsonNode job : prometheus.path("scrape_configs")) {
      assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo("/metrics");
      job.path("static_configs")
          .forEach(config -> config.path("targets").forEach(t -> targets.add(t.asText())));
    }
    assertThat(targets).as("Prometheus targets").isEqualTo(expectedTargets);
    ComposeService prometheusService = compose.serviceWithImage("prom/prometheus");
    assertThat(prometheusService.dependsOn().keySet())
        .as("prometheus starts after the instances it scrapes")
        .containsAll(servers.stream().map(ComposeService::name).toList());
  }

  @Test
  void kafkaAndRegistryAddressesPointAtServicesListeningThere() {
    for (ComposeService service : compose.paperPulseServices()) {
      String bootstrap = service.environment().get(VARIABLE_PREFIX + "BOOTSTRAP_SERVERS");
      assertThat(bootstrap).as("%s bootstrap servers", service.name()).isNotBlank();
      assertAdvertisedBroker(service, bootstrap);
      String registry = service.environment().get(VARIABLE_PREFIX + "SCHEMA_REGISTRY");
      if (registry != null) {
        assertRegistryListens(service, URI.create(registry));
      }
    }
    ComposeService registry = compose.serviceWithImage("confluentinc/cp-schema-registry");
    assertAdvertisedBroker(
        registry,
        registry
            .environment()
            .get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")
            .replaceFirst("^PLAINTEXT://", ""));
  }

  @Test
  void dependenciesExistAndTheirConditionsCanBeMet() {
    for (ComposeService service : compose.services().values()) {
      service
          .dependsOn()
          .forEach(
              (target, condition) -> {
                String edge = service.name() + " -> " + target + " (" + condition + ")";
                ComposeService dependency =
                    compose
                        .service(target)
                        .orElseThrow(() -> new AssertionError("unknown service: " + edge));
                switch (condition) {
                  case "service_healthy" ->
                      assertThat(dependency.healthcheck())
                          .as(edge + " needs a health check")
                          .isPresent();
                  case "service_completed_successfully" ->
                      assertThat(
                              dependency.isPaperPulse()
                                  && !LONG_RUNNING_COMMANDS.contains(dependency.command().get(0)))
                          .as(edge + " must be a one-shot command")
                          .isTrue();
                  case "service_started" -> {}
                  default -> throw new AssertionError("unknown condition: " + edge);
                }
              });
    }
  }

  @Test
  void everyPaperPulseServiceWaitsForTheServicesItConnectsTo() {
    for (ComposeService service : compose.paperPulseServices()) {
      Set<String> awaited = awaitedTransitively(service);
      String broker =
          hostOf(service.environment().get(VARIABLE_PREFIX + "BOOTSTRAP_SERVERS").split(",")[0]);
      assertThat(awaited)
          .as("%s waits for %s to be healthy", service.name(), broker)
          .contains(broker);
      String registry = service.environment().get(VARIABLE_PREFIX + "SCHEMA_REGISTRY");
      if (registry != null) {
        String host = URI.create(registry).getHost();
        assertThat(awaited)
            .as("%s waits for %s to be healthy", service.name(), host)
            .contains(host);
      }
    }
  }

  @Test
  void streamsInstancesShareOneApplicationIdAndDifferInHostAndPort() {
    List<ComposeService> instances =
        compose.paperPulseServices().stream()
            .filter(service -> service.command().get(0).equals("streams"))
            .toList();
    assertThat(instances).hasSize(2);
    assertThat(instances)
        .extracting(service -> service.environment().get(VARIABLE_PREFIX + "APPLICATION_ID"))
        .doesNotContainNull()
        .containsOnly(instances.get(0).environment().get(VARIABLE_PREFIX + "APPLICATION_ID"));
    assertThat(instances)
        .extracting(service -> service.hostname().orElse(service.name()))
        .doesNotHaveDuplicates();
    assertThat(instances)
        .as("each instance advertises the host name the other one reaches it by")
        .allSatisfy(
            service ->
                assertThat(service.environment().get(VARIABLE_PREFIX + "ADVERTISED_HOST"))
                    .isEqualTo(service.hostname().orElse(service.name())));
    assertThat(instances)
        .extracting(service -> service.environment().get(VARIABLE_PREFIX + "STATE_DIR"))
        .as("state on the instance's volume")
        .allSatisfy(dir -> assertThat(dir).startsWith("/app/data/"));
  }

  @Test
  void kafkaImageRunsTheClientsKafkaVersionWithAValidClusterId() {
    ComposeService kafka = compose.serviceWithImage("apache/kafka");
    assertThat(kafka.imageTag()).isEqualTo(AppInfoParser.getVersion());
    assertThatCode(() -> Uuid.fromString(kafka.environment().get("CLUSTER_ID")))
        .doesNotThrowAnyException();
    assertThat(kafka.environment()).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
  }

  private static void assertAdvertisedBroker(ComposeService client, String bootstrapServers) {
    for (String address : bootstrapServers.split(",")) {
      String host = hostOf(address);
      ComposeService broker =
          compose
              .service(host)
              .orElseThrow(
                  () -> new AssertionError(client.name() + " connects to unknown service " + host));
      assertThat(broker.environment().get("KAFKA_ADVERTISED_LISTENERS"))
          .as("%s advertises %s used by %s", host, address, client.name())
          .contains("//" + address.strip());
    }
  }

  private static void assertRegistryListens(ComposeService client, URI url) {
    ComposeService registry =
        compose
            .service(url.getHost())
            .orElseThrow(
                () -> new AssertionError(client.name() + " uses unknown registry service " + url));
    URI listener =
        URI.create(registry.environment().get("SCHEMA_REGISTRY_LISTENERS").split(",")[0]);
    assertThat(listener.getPort())
        .as("%s listens on the port %s uses", url.getHost(), client.name())
        .isEqualTo(url.getPort());
  }

  /** Services this one waits for as healthy or completed, directly or through its dependencies. */
  private static Set<String> awaitedTransitively(ComposeService service) {
    Set<String> awaited = new HashSet<>();
    Deque<ComposeService> todo = new ArrayDeque<>(List.of(service));
    while (!todo.isEmpty()) {
      todo.pop()
          .dependsOn()
          .forEach(
              (target, condition) -> {
                if (!condition.equals("service_started") && awaited.add(target)) {
                  compose.service(target).ifPresent(todo::push);
                }
              });
    }
    return awaited;
  }

  private static List<ComposeService> httpServers() {
    List<ComposeService> servers = new ArrayList<>();
    for (ComposeService service : compose.paperPulseServices()) {
      if (service.environment().containsKey(VARIABLE_PREFIX + "HTTP_PORT")) {
        servers.add(service);
      }
    }
    return servers;
  }

  private static int httpPort(ComposeService service) {
    return Integer.parseInt(service.environment().get(VARIABLE_PREFIX + "HTTP_PORT"));
  }

  /** The paperpulse subcommand the service runs; fails the test when there is none. */
  private static CommandSpec subcommand(ComposeService service) {
    Map<String, CommandLine> subcommands =
        PaperPulse.commandLine(Map.of(), quiet(), quiet()).getSubcommands();
    CommandLine subcommand =
        service.command().isEmpty() ? null : subcommands.get(service.command().get(0));
    if (subcommand == null) {
      throw new AssertionError(
          service.name()
              + " runs no paperpulse command: "
              + service.command()
              + " (commands: "
              + subcommands.keySet()
              + ")");
    }
    return subcommand.getCommandSpec();
  }

  private static String hostOf(String address) {
    String trimmed = address.strip();
    return trimmed.substring(0, trimmed.lastIndexOf(':'));
  }

  private static PrintWriter quiet() {
    return new PrintWriter(new StringWriter());
  }
}
