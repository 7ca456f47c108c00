package io.paperpulse.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docker-compose.yml read with Jackson YAML. Understands the forms the file uses (list commands,
 * map environments, short port syntax, long depends_on syntax) and fails loudly on other forms
 * rather than silently checking nothing.
 */
public final class ComposeFile {

  private final Map<String, ComposeService> services;

  private ComposeFile(Map<String, ComposeService> services) {
    this.services = services;
  }

  public static ComposeFile read(Path file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    JsonNode services = root.path("services");
    if (!services.isObject() || services.isEmpty()) {
      throw new IllegalArgumentException(file + " has no services");
    }
    Map<String, ComposeService> parsed = new LinkedHashMap<>();
    services
        .properties()
        .forEach(entry -> parsed.put(entry.getKey(), service(entry.getKey(), entry.getValue())));
    return new ComposeFile(parsed);
  }

  Map<String, ComposeService> services() {
    return services;
  }

  Optional<ComposeService> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** The first service running an image of this name (any tag). */
  public ComposeService serviceWithImage(String imageName) {
    return services.values().stream()
        .filter(service -> service.imageName().equals(imageName))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no service runs " + imageName));
  }

  List<ComposeService> paperPulseServices() {
    return services.values().stream().filter(ComposeService::isPaperPulse).toList();
  }

  private static ComposeService service(String name, JsonNode node) {
    return new ComposeService(
        name,
        node.path("image").asText(""),
        node.has("build"),
        strings(name, "command", node.path("command")),
        environment(name, node.path("environment")),
        containerPorts(name, node.path("ports")),
        healthcheck(name, node.path("healthcheck")),
        dependsOn(name, node.path("depends_on")),
        node.has("hostname") ? Optional.of(node.get("hostname").asText()) : Optional.empty());
  }

  private static List<String> strings(String service, String key, JsonNode node) {
    if (node.isMissingNode()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(service + "." + key + " must be a list (exec form)");
    }
    List<String> values = new ArrayList<>();
    node.forEach(item -> values.add(item.asText()));
    return values;
  }

  private static Map<String, String> environment(String service, JsonNode node) {
    Map<String, String> environment = new LinkedHashMap<>();
    if (node.isMissingNode()) {
      return environment;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(service + ".environment must be a map");
    }
    node.properties().forEach(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
    return environment;
  }

  /** "HOST:CONTAINER" or "CONTAINER", optionally with "/tcp". */
  private static List<Integer> containerPorts(String service, JsonNode node) {
    List<Integer> ports = new ArrayList<>();
    for (String mapping : strings(service, "ports", node)) {
      String withoutProtocol = mapping.replaceFirst("/(tcp|udp)$", "");
      ports.add(Integer.parseInt(withoutProtocol.substring(withoutProtocol.lastIndexOf(':') + 1)));
    }
    return ports;
  }

  private static Optional<String> healthcheck(String service, JsonNode node) {
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(String.join(" ", strings(service, "healthcheck.test", node.path("test"))));
  }

  private static Map<String, String> dependsOn(String service, JsonNode node) {
    Map<String, String> dependsOn = new LinkedHashMap<>();
    if (node.isMissingNode()) {
      return dependsOn;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          service + ".depends_on must use the long form with conditions");
    }
    node.properties()
        .forEach(
            entry -> dependsOn.put(entry.getKey(), entry.getValue().path("condition").asText()));
    return dependsOn;
  }
}
