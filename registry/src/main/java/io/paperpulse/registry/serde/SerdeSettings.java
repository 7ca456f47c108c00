package io.paperpulse.registry.serde;

import java.util.Locale;
import java.util.Map;

/** Serializer options under Confluent's property names. */
record SerdeSettings(boolean autoRegister, boolean useLatestVersion, long latestCacheTtlMillis) {

  static final String AUTO_REGISTER = "auto.register.schemas";
  static final String USE_LATEST_VERSION = "use.latest.version";
  static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

  static SerdeSettings fromConfig(Map<String, ?> config) {
    long ttlSeconds = longSetting(config, LATEST_CACHE_TTL_SEC, -1);
    return new SerdeSettings(
        booleanSetting(config, AUTO_REGISTER, true),
        booleanSetting(config, USE_LATEST_VERSION, false),
        ttlSeconds < 0 ? -1 : ttlSeconds * 1000);
  }

  private static boolean booleanSetting(Map<String, ?> config, String key, boolean defaultValue) {
    Object value = config.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException(
          "config '" + key + "' must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(text);
  }

  private static long longSetting(Map<String, ?> config, String key, long defaultValue) {
    Object value = config.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "config '" + key + "' must be an integer, got '" + value + "'");
    }
  }
}
