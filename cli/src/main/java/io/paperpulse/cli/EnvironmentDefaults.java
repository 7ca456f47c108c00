package io.paperpulse.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets every long option take its default from a {@code PAPERPULSE_*} environment variable, so a
 * deployment (container, CI job) can configure the CLI without repeating flags: {@code
 * --bootstrap-servers} is read from {@code PAPERPULSE_BOOTSTRAP_SERVERS}. Flags on the command line
 * still win; without a variable the option's own default applies.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

  static final String PREFIX = "PAPERPULSE_";

  private final Map<String, String> environment;

  public EnvironmentDefaults(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!argSpec.isOption()) {
      return null;
    }
    String longestName = ((OptionSpec) argSpec).longestName();
    if (!longestName.startsWith("--")) {
      return null;
    }
    return environment.get(variableFor(longestName));
  }

  /** {@code --schema-registry} becomes {@code PAPERPULSE_SCHEMA_REGISTRY}. */
  public static String variableFor(String longOptionName) {
    String bare = longOptionName.replaceFirst("^-+", "");
    return PREFIX + bare.replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
