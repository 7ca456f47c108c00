package io.paperpulse.streams.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4): every line must be a
 * HELP or TYPE comment or a sample, label values properly quoted and escaped, values numbers. Fails
 * with the offending line otherwise.
 */
public final class PrometheusText {

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?\\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\"\\\\n])*)\"\\s*(,|$)");

  private PrometheusText() {}

  public static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        Matcher type = TYPE.matcher(line);
        if (type.matches()) {
          if (types.put(type.group(1), type.group(2)) != null) {
            throw new IllegalArgumentException(
                "line " + lineNumber + ": second TYPE for " + type.group(1));
          }
        } else if (!HELP.matcher(line).matches()) {
          throw new IllegalArgumentException("line " + lineNumber + ": bad comment: " + line);
        }
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new IllegalArgumentException("line " + lineNumber + ": not a sample: " + line);
      }
      samples.add(
          new Sample(
              sample.group(1),
              labels(sample.group(3), lineNumber),
              value(sample.group(4), lineNumber)));
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    return samples;
  }

  private static Map<String, String> labels(String text, int lineNumber) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return labels;
    }
    Matcher label = LABEL.matcher(text);
    int position = 0;
    while (position < text.length()) {
      if (!label.find(position) || label.start() != position) {
        throw new IllegalArgumentException("line " + lineNumber + ": bad labels: " + text);
      }
      labels.put(label.group(1), label.group(2));
      position = label.end();
    }
    return labels;
  }

  private static double value(String text, int lineNumber) {
    switch (text) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("line " + lineNumber + ": bad value " + text);
        }
    }
  }
}
