package io.paperpulse.cli.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile split into its build stages and instructions: comments dropped, continuation lines
 * joined. Enough of the format for the checks in {@link DockerfileTest}; not a general parser (no
 * heredocs, no variable expansion).
 */
final class DockerfileStages {

  private static final Pattern FROM =
      Pattern.compile("(?i)FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*");

  /** One instruction: keyword in upper case and its arguments as written. */
  record Instruction(String keyword, String arguments) {}

  record Stage(String baseImage, Optional<String> name, List<Instruction> instructions) {

    List<Instruction> all(String keyword) {
      return instructions.stream()
          .filter(instruction -> instruction.keyword().equals(keyword))
          .toList();
    }

    Optional<Instruction> last(String keyword) {
      List<Instruction> matching = all(keyword);
      return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    int indexOf(Instruction instruction) {
      return instructions.indexOf(instruction);
    }
  }

  private final List<Stage> stages;

  private DockerfileStages(List<Stage> stages) {
    this.stages = stages;
  }

  static DockerfileStages read(Path file) throws IOException {
    List<Stage> stages = new ArrayList<>();
    for (String line : logicalLines(Files.readAllLines(file))) {
      String keyword = line.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
      String arguments =
          line.length() > keyword.length() ? line.substring(keyword.length()).strip() : "";
      if (keyword.equals("FROM")) {
        Matcher from = FROM.matcher(line);
        if (!from.matches()) {
          throw new IllegalArgumentException("unreadable FROM: " + line);
        }
        stages.add(new Stage(from.group(1), Optional.ofNullable(from.group(2)), new ArrayList<>()));
      } else if (stages.isEmpty()) {
        if (!keyword.equals("ARG")) {
          throw new IllegalArgumentException("instruction before the first FROM: " + line);
        }
      } else {
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
      }
    }
    return new DockerfileStages(stages);
  }

  List<Stage> stages() {
    return stages;
  }

  Stage first() {
    return stages.get(0);
  }

  Stage last() {
    return stages.get(stages.size() - 1);
  }

  Optional<Stage> named(String name) {
    return stages.stream()
        .filter(stage -> stage.name().filter(name::equalsIgnoreCase).isPresent())
        .findFirst();
  }

  /**
   * Joins lines ending in a backslash; drops blank lines and comments (including comments inside a
   * continuation).
   */
  private static List<String> logicalLines(List<String> physical) {
    List<String> logical = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : physical) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        logical.add(current.append(line).toString().replaceAll("\\s+", " ").strip());
        current.setLength(0);
      }
    }
    if (!current.isEmpty()) {
      logical.add(current.toString().strip());
    }
    return logical;
  }
}
