package io.paperpulse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports the build's project version, written into a resource by Maven resource filtering. */
public final class VersionInfo implements IVersionProvider {

  private static final String RESOURCE = "/io/paperpulse/cli/version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"paperpulse " + version(), "Java " + Runtime.version()};
  }

  static String version() {
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
