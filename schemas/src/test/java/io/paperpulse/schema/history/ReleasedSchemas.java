package io.paperpulse.schema.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The released versions of every schema, read from {@code src/main/avro-history/<Name>/v<N>.avsc}.
 * Each file is self-contained (nested types inlined, as {@code Schema.toString(true)} writes them),
 * so a version can be read without the other schemas of its time.
 */
public final class ReleasedSchemas {

  private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

  /** One released version of a schema. */
  public record Version(String name, int version, Schema schema) {}

  private ReleasedSchemas() {}

  /** Schema name to its released versions, oldest first. */
  public static Map<String, List<Version>> load(Path historyDir) {
    Map<String, List<Version>> byName = new TreeMap<>();
    try (Stream<Path> names = Files.list(historyDir)) {
      for (Path dir : names.filter(Files::isDirectory).toList()) {
        String name = dir.getFileName().toString();
        byName.put(name, versions(name, dir));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema history " + historyDir, e);
    }
    return byName;
  }

  private static List<Version> versions(String name, Path dir) throws IOException {
    List<Version> versions = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
          throw new IllegalStateException(
              "unexpected file in schema history: " + file + " (expected v<N>.avsc)");
        }
        versions.add(
            new Version(
                name,
                Integer.parseInt(matcher.group(1)),
                new Schema.Parser().parse(file.toFile())));
      }
    }
    versions.sort(Comparator.comparingInt(Version::version));
    return versions;
  }
}
