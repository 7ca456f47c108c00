package io.paperpulse.cli.streams;

import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;

/** What {@code streams --print-config} prints: the resolved settings in properties format. */
final class EffectiveConfig {

  /** Shown in place of a value that may be a secret. */
  static final String HIDDEN = "[hidden]";

  /**
   * Keys whose values are secrets or carry them: passwords, JAAS configurations with their
   * credentials, the registry's user info, keys themselves.
   */
  private static final Pattern SECRET =
      Pattern.compile("password|secret|jaas|user\\.info|credentials|\\.key$|token");

  private EffectiveConfig() {}

  static List<String> lines(PaperPulseStreamsConfig config) {
    List<String> lines = new ArrayList<>();
    Map<String, ?> values = config.values();
    for (ConfigDef.ConfigKey key : PaperPulseStreamsConfig.definition().configKeys().values()) {
      Object value = values.get(key.name);
      if (value != null) {
        lines.add(line(key.name, text(value)));
      }
    }
    new TreeMap<>(config.clientSettings())
        .forEach((name, value) -> lines.add(line(name, String.valueOf(value))));
    return lines;
  }

  private static String line(String name, String value) {
    return name + "=" + (SECRET.matcher(name.toLowerCase(Locale.ROOT)).find() ? HIDDEN : value);
  }

  private static String text(Object value) {
    return value instanceof List<?> list
        ? String.join(",", list.stream().map(String::valueOf).toList())
        : value.toString();
  }
}
