package io.paperpulse.streams.testing;

import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the TopologyTestDriver tests: one registry per test class, a fresh topology harness
 * (fresh state) per test, built from {@link #config()} with the vocabulary tagger.
 */
public abstract class TopologyTestBase extends RegistryTestBase {

  protected final VocabularyTagger tagger = new VocabularyTagger();
  protected TopologyHarness harness;

  /** The topology settings of this class's tests; the defaults unless overridden. */
  protected PaperPulseStreamsConfig config() {
    return new PaperPulseStreamsConfig(Map.of());
  }

  @BeforeEach
  void startDriver() {
    harness = new TopologyHarness(registry, config(), tagger);
  }

  @AfterEach
  void stopDriver() {
    harness.close();
  }

  /** The last value of a record header as text, or null when absent. */
  protected static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
