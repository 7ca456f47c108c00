package io.paperpulse.tagging.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the tagger's shipped files from the class path. */
public final class Resources {
  private Resources() {}

  /**
   * The whole UTF-8 text of {@code resource}; a missing one is an {@link IllegalStateException}.
   */
  public static String text(String resource) {
    try (InputStream in = Resources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
