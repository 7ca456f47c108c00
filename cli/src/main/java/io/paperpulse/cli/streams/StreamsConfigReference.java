package io.paperpulse.cli.streams;

import io.paperpulse.cli.EnvironmentDefaults;
import io.paperpulse.cli.PaperPulse;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's reference of the {@code streams} command: every option with the key it sets, then
 * every key of {@link PaperPulseStreamsConfig}, rendered from the picocli model and the {@link
 * ConfigDef} so that neither can drift from the code. {@link #main} rewrites the section between
 * the markers; a test fails when the README holds anything else.
 */
public final class StreamsConfigReference {

  static final String BEGIN = "<!-- streams-config-reference:begin -->";
  static final String END = "<!-- streams-config-reference:end -->";

  /** How to rewrite the README section, for the notice in it and for failure messages. */
  public static final String REGENERATE =
      "mvn -B -q -pl cli -am -Pconfig-reference process-classes";

  private StreamsConfigReference() {}

  /** The generated section, markers included. */
  public static String section() {
    StringBuilder out = new StringBuilder();
    out.append(BEGIN).append('\n');
    out.append("<!-- generated from PaperPulseStreamsConfig and the streams command; to change it,")
        .append(" change them and run: ")
        .append(REGENERATE)
        .append(" -->\n\n");
    options(out);
    keys(out);
    out.append(END).append('\n');
    return out.toString();
  }

  /** The README with its section replaced by {@code section}. */
  static String withSection(String readme, String section) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "the README has no section between " + BEGIN + " and " + END);
    }
    int afterEnd = readme.indexOf('\n', end);
    return readme.substring(0, begin)
        + section
        + (afterEnd < 0 ? "" : readme.substring(afterEnd + 1));
  }

  /** The README's current section, markers included. */
  static String sectionOf(String readme) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      return "";
    }
    return readme.substring(begin, end + END.length()) + "\n";
  }

  /** Rewrites the section of the README at {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: StreamsConfigReference README.md");
    }
    Path readme = Path.of(args[0]);
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String updated = withSection(text, section());
    if (!updated.equals(text)) {
      Files.writeString(readme, updated, StandardCharsets.UTF_8);
    }
    System.out.println(readme + ": streams configuration reference up to date");
  }

  private static void options(StringBuilder out) {
    out.append("| option | sets key | environment variable |\n|---|---|---|\n");
    for (OptionSpec option : streamsCommand().options()) {
      if (option.usageHelp() || option.versionHelp() || option.hidden()) {
        continue;
      }
      String key = StreamsOptionKeys.OPTIONS.get(option.longestName());
      String sets =
          key != null
              ? "`" + key + "`"
              : "command line only: " + cell(String.join(" ", option.description()));
      out.append("| `")
          .append(String.join("`, `", option.names()))
          .append(option.arity().max() > 0 ? " " + option.paramLabel() : "")
          .append("` | ")
          .append(sets)
          .append(" | `")
          .append(EnvironmentDefaults.variableFor(option.longestName()))
          .append("` |\n");
    }
    out.append('\n');
  }

  private static void keys(StringBuilder out) {
    ConfigDef definition = PaperPulseStreamsConfig.definition();
    for (String group : definition.groups()) {
      out.append("#### ").append(group).append("\n\n");
      out.append("| key | type | default | valid values | importance | description |\n");
      out.append("|---|---|---|---|---|---|\n");
      for (ConfigDef.ConfigKey key : inGroup(definition, group)) {
        out.append("| `")
            .append(key.name)
            .append("` | ")
            .append(key.type.name().toLowerCase(Locale.ROOT))
            .append(" | ")
            .append(defaultOf(key))
            .append(" | ")
            .append(key.validator == null ? "" : cell(key.validator.toString()))
            .append(" | ")
            .append(key.importance.name().toLowerCase(Locale.ROOT))
            .append(" | ")
            .append(cell(key.documentation))
            .append(" |\n");
      }
      out.append('\n');
    }
  }

  private static List<ConfigDef.ConfigKey> inGroup(ConfigDef definition, String group) {
    List<ConfigDef.ConfigKey> keys = new ArrayList<>();
    for (Map.Entry<String, ConfigDef.ConfigKey> entry : definition.configKeys().entrySet()) {
      if (group.equals(entry.getValue().group)) {
        keys.add(entry.getValue());
      }
    }
    return keys;
  }

  private static String defaultOf(ConfigDef.ConfigKey key) {
    if (!key.hasDefault() || key.defaultValue == null) {
      return "none";
    }
    String text =
        key.defaultValue instanceof List<?> list
            ? String.join(",", list.stream().map(String::valueOf).toList())
            : key.defaultValue.toString();
    return text.isEmpty() ? "\"\"" : "`" + text + "`";
  }

  /** Text that stays inside one table cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ").strip();
  }

  /** The streams command as users see it. */
  static CommandSpec streamsCommand() {
    // Through the real command line, so inherited options (--verbose) are listed as users see them.
    PrintWriter sink = new PrintWriter(new StringWriter());
    return PaperPulse.commandLine(Map.of(), sink, sink)
        .getSubcommands()
        .get("streams")
        .getCommandSpec();
  }
}
