package io.paperpulse.cli.api;

import picocli.CommandLine.Option;

/** The {@code --url} option of the commands that read a running instance's HTTP API. */
public final class ApiUrlOption {

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://localhost:8080",
      description =
          "Base URL of a streams or demo instance's HTTP API (default: ${DEFAULT-VALUE}).")
  private String url;

  public String url() {
    return url;
  }
}
