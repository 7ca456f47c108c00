package io.paperpulse.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.cli.deploy.DockerfileStages.Instruction;
import io.paperpulse.cli.deploy.DockerfileStages.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The Dockerfile checked without a Docker engine: a Maven build stage and a JRE runtime stage, a
 * non-root user, and paths that match what the build produces (the shade plugin's output in
 * cli/pom.xml) and what docker-compose.yml runs.
 */
class DockerfileTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path root;
  private static DockerfileStages dockerfile;

  @BeforeAll
  static void readDockerfile() throws Exception {
    root = ProjectRoot.find();
    dockerfile = DockerfileStages.read(root.resolve("Dockerfile"));
  }

  @Test
  void buildsWithMavenAndRunsOnAJre() {
    assertThat(dockerfile.stages()).hasSizeGreaterThanOrEqualTo(2);
    Stage build = dockerfile.first();
    assertThat(build.baseImage()).isEqualTo("maven:3.9-eclipse-temurin-17");
    assertThat(build.name()).isPresent();
    assertThat(build.all("RUN"))
        .extracting(Instruction::arguments)
        .anySatisfy(run -> assertThat(run).contains("mvn -B", "-DskipTests", "package"));
    assertThat(dockerfile.last().baseImage()).isEqualTo("eclipse-temurin:17-jre");
  }

  @Test
  void runsAsAnUnprivilegedUserCreatedInTheImage() throws Exception {
    Stage runtime = dockerfile.last();
    Instruction user =
        runtime.last("USER").orElseThrow(() -> new AssertionError("no USER in the runtime stage"));
    String name = user.arguments().split(":")[0];
    assertThat(name).isNotIn("root", "0");
    assertThat(runtime.all("RUN"))
        .extracting(Instruction::arguments)
        .anySatisfy(run -> assertThat(run).contains("useradd").contains(" " + name));
    Instruction entrypoint = runtime.last("ENTRYPOINT").orElseThrow();
    assertThat(runtime.indexOf(user))
        .as("USER before ENTRYPOINT")
        .isLessThan(runtime.indexOf(entrypoint));
  }

  @Test
  void copiesTheShadedJarTheBuildProducesAndRunsIt() throws Exception {
    Stage build = dockerfile.first();
    String workdir = build.last("WORKDIR").map(Instruction::arguments).orElse("/");
    Instruction copy =
        dockerfile.last().all("COPY").stream()
            .filter(
                instruction ->
                    instruction
                        .arguments()
                        .startsWith("--from=" + build.name().orElseThrow() + " "))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the runtime stage copies nothing from the build stage"));
    String[] parts = copy.arguments().split(" ");
    String source = parts[1];
    String destination = parts[2];

    assertThat(source).startsWith(workdir + "/");
    assertThat(source.substring(workdir.length() + 1)).isEqualTo(shadedJarPath());
    List<String> entrypoint =
        Arrays.asList(
            JSON.readValue(
                dockerfile.last().last("ENTRYPOINT").orElseThrow().arguments(), String[].class));
    assertThat(entrypoint).startsWith("java").endsWith("-jar", destination);
  }

  @Test
  void startsWithTheClassDataArchiveOfItsJarMadeInTheImage() throws Exception {
    Stage runtime = dockerfile.last();
    List<String> entrypoint =
        Arrays.asList(
            JSON.readValue(runtime.last("ENTRYPOINT").orElseThrow().arguments(), String[].class));
    String jar = entrypoint.get(entrypoint.size() - 1);
    String option =
        entrypoint.stream()
            .filter(argument -> argument.startsWith("-XX:SharedArchiveFile="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the entrypoint maps no class-data archive"));
    String archive = option.substring("-XX:SharedArchiveFile=".length());
    Instruction made =
        runtime.all("RUN").stream()
            .filter(run -> run.arguments().contains("class-data-archive.sh"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no RUN writes the class-data archive"));
    String[] words = made.arguments().split(" ");
    assertThat(words).hasSize(3);
    assertThat(words[1]).as("the archive is made from the jar the entrypoint runs").isEqualTo(jar);
    assertThat(words[2]).isEqualTo(archive);
    String script = words[0];
    assertThat(runtime.all("COPY"))
        .extracting(Instruction::arguments)
        .as("the script is copied from the repository")
        .contains("deploy/class-data-archive.sh " + script);
    Instruction user = runtime.last("USER").orElseThrow();
    assertThat(runtime.indexOf(made))
        .as("made as the user that runs the image, after the jar is copied")
        .isGreaterThan(runtime.indexOf(user));
  }

  @Test
  void filesCopiedFromTheContextExistAndAreNotIgnored() throws Exception {
    List<String> ignored = ignoredNames();
    assertThat(ignored).as(".dockerignore").contains(".git", "target");
    for (Stage stage : dockerfile.stages()) {
      for (Instruction copy : stage.all("COPY")) {
        if (copy.arguments().startsWith("--from=")) {
          continue;
        }
        String[] parts = copy.arguments().split(" ");
        for (String source : Arrays.copyOf(parts, parts.length - 1)) {
          assertThat(root.resolve(source)).as("COPY source " + source).exists();
          assertThat(Path.of(source).normalize().toString().split("/"))
              .as("COPY source " + source)
              .doesNotContainAnyElementsOf(ignored);
        }
      }
    }
  }

  @Test
  void theSampleTheComposeFilePublishesIsInTheImage() throws Exception {
    ComposeFile compose = ComposeFile.read(root.resolve("docker-compose.yml"));
    List<String> imageFiles = new ArrayList<>();
    for (Instruction copy : dockerfile.last().all("COPY")) {
      String[] parts = copy.arguments().split(" ");
      imageFiles.add(parts[parts.length - 1]);
    }
    List<ComposeService> producers =
        compose.paperPulseServices().stream()
            .filter(service -> service.command().get(0).equals("produce"))
            .toList();
    assertThat(producers).isNotEmpty();
    for (ComposeService producer : producers) {
      Optional<String> file =
          producer.command().stream().filter(arg -> arg.startsWith("/")).findFirst();
      assertThat(file).as(producer.name() + " reads a file of the image").isPresent();
      assertThat(imageFiles).contains(file.get());
    }
  }

  /**
   * Where cli/pom.xml's shade execution writes the executable jar, relative to the repository root.
   */
  private static String shadedJarPath() throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(root.resolve("cli/pom.xml").toFile());
    NodeList outputs = pom.getElementsByTagName("outputFile");
    assertThat(outputs.getLength()).as("shade outputFile in cli/pom.xml").isEqualTo(1);
    String output = outputs.item(0).getTextContent().strip();
    assertThat(output).startsWith("${project.build.directory}/");
    return "cli/target/" + output.substring("${project.build.directory}/".length());
  }

  /**
   * Names .dockerignore excludes wherever they appear ("**&#47;target", "/data" and plain names).
   */
  private static List<String> ignoredNames() throws Exception {
    return Files.readAllLines(root.resolve(".dockerignore")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
        .map(line -> line.replaceFirst("^\\*\\*/", "").replaceFirst("^/", ""))
        .filter(line -> !line.contains("*") && !line.contains("/"))
        .toList();
  }
}
