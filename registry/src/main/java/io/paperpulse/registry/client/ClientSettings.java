package io.paperpulse.registry.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.types.Password;

/**
 * Client settings read from a Kafka-style config map with Confluent's property names, so the same
 * properties file configures paperpulse and Confluent's own serializers.
 */
public record ClientSettings(
    List<URI> urls,
    Optional<String> authorizationHeader,
    Optional<SSLContext> sslContext,
    RetryPolicy retryPolicy,
    Duration connectTimeout,
    Duration requestTimeout) {

  public static final String URL = "schema.registry.url";
  public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String USER_INFO = "basic.auth.user.info";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";

  public ClientSettings {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException(URL + " must name at least one registry URL");
    }
  }

  /** Settings for one registry URL without authentication, TLS or custom retries. */
  public static ClientSettings forUrl(String url) {
    return fromConfig(Map.of(URL, url));
  }

  /** Reads settings from Confluent property names; unknown keys are ignored. */
  public static ClientSettings fromConfig(Map<String, ?> config) {
    List<String> rawUrls = urlList(config.get(URL));
    if (rawUrls.isEmpty()) {
      throw new IllegalArgumentException("missing required config '" + URL + "'");
    }
    List<URI> urls = new ArrayList<>();
    String userInfoFromUrl = null;
    for (String raw : rawUrls) {
      URI uri = parseUrl(raw);
      if (uri.getRawUserInfo() != null && userInfoFromUrl == null) {
        userInfoFromUrl = uri.getUserInfo();
      }
      urls.add(withoutUserInfo(uri));
    }
    Optional<String> auth =
        basicAuthUserInfo(config, userInfoFromUrl).map(ClientSettings::basicHeader);
    RetryPolicy retries =
        new RetryPolicy(
            intSetting(config, MAX_RETRIES, 3),
            Duration.ofMillis(intSetting(config, RETRIES_WAIT_MS, 100)),
            Duration.ofMillis(intSetting(config, RETRIES_MAX_WAIT_MS, 2_000)));
    return new ClientSettings(
        urls,
        auth,
        SslContexts.fromConfig(config),
        retries,
        Duration.ofMillis(intSetting(config, CONNECT_TIMEOUT_MS, 10_000)),
        Duration.ofMillis(intSetting(config, READ_TIMEOUT_MS, 30_000)));
  }

  /**
   * A config value as a string: Kafka hands passwords over as {@link Password} whose toString hides
   * them.
   */
  static Optional<String> stringSetting(Map<String, ?> config, String key) {
    Object value = config.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String text = value instanceof Password password ? password.value() : value.toString();
    return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
  }

  private static int intSetting(Map<String, ?> config, String key, int defaultValue) {
    Optional<String> text = stringSetting(config, key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(text.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "config '" + key + "' must be an integer, got '" + text.get() + "'");
    }
  }

  private static List<String> urlList(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Collection<?> values) {
      values.forEach(v -> out.addAll(urlList(v)));
    } else if (value != null) {
      for (String part : value.toString().split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  private static URI parseUrl(String raw) {
    try {
      URI uri = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "schema registry URL must be http(s)://host[:port], got '" + raw + "'");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid schema registry URL '" + raw + "': " + e.getMessage(), e);
    }
  }

  private static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return URI.create(uri.getScheme() + "://" + uri.getHost() + port + path);
  }

  private static Optional<String> basicAuthUserInfo(Map<String, ?> config, String userInfoFromUrl) {
    Optional<String> source =
        stringSetting(config, CREDENTIALS_SOURCE)
            .or(() -> stringSetting(config, "schema.registry." + CREDENTIALS_SOURCE));
    Optional<String> userInfo =
        stringSetting(config, USER_INFO)
            .or(() -> stringSetting(config, "schema.registry." + USER_INFO));
    String chosen =
        source
            .map(s -> s.toUpperCase(Locale.ROOT))
            .orElse(userInfo.isPresent() ? "USER_INFO" : "URL");
    switch (chosen) {
      case "USER_INFO" -> {
        if (userInfo.isEmpty()) {
          throw new IllegalArgumentException(
              CREDENTIALS_SOURCE + "=USER_INFO needs '" + USER_INFO + "' (user:password)");
        }
        return userInfo;
      }
      case "URL" -> {
        return Optional.ofNullable(userInfoFromUrl);
      }
      default ->
          throw new IllegalArgumentException(
              "unsupported "
                  + CREDENTIALS_SOURCE
                  + " '"
                  + chosen
                  + "' (supported: USER_INFO, URL)");
    }
  }

  private static String basicHeader(String userInfo) {
    if (!userInfo.contains(":")) {
      throw new IllegalArgumentException(USER_INFO + " must be 'user:password'");
    }
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }
}
