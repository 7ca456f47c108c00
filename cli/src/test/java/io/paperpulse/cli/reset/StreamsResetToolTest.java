package io.paperpulse.cli.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.cli.LocalClusterTestBase;
import io.paperpulse.streams.app.TopicProvisioner;
import io.paperpulse.testsupport.Consumers;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** How Kafka's reset tool, run in-process, reports its failures, on a real in-JVM broker. */
class StreamsResetToolTest extends LocalClusterTestBase {

  @Test
  void aRefusalOfTheToolBecomesOneLineAndTheStandardStreamsAreGivenBack() throws Exception {
    List<NewTopic> created =
        List.of(
            new NewTopic("tool.papers", 1, (short) 1),
            new NewTopic("tool-paper-tags-changelog", 1, (short) 1));
    admin.createTopics(created).all().get();
    new TopicProvisioner(admin).awaitVisible(created.stream().map(NewTopic::name).toList());
    PrintStream out = System.out;
    PrintStream err = System.err;
    Map<String, Object> config = new HashMap<>(cluster.clientProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "tool");
    try (KafkaConsumer<byte[], byte[]> running =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      running.subscribe(List.of("tool.papers"));
      Consumers.awaitAssignment(running, Duration.ofSeconds(30));

      StreamsResetTool tool = new StreamsResetTool(cluster.clientProperties());

      assertThatThrownBy(
              () -> tool.run("tool", List.of("tool.papers"), List.of("tool-paper-tags-changelog")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Kafka's streams reset tool failed: ")
          .hasMessageContaining("Consumer group 'tool' is still active")
          .hasMessageNotContaining("\n");
    }
    assertThat(System.out).isSameAs(out);
    assertThat(System.err).isSameAs(err);
    assertThat(admin.listTopics().names().get()).contains("tool-paper-tags-changelog");
  }

  /**
   * Secured clusters need the settings of paperpulse's --config file in the tool's own clients too.
   */
  @Test
  void theClientSettingsReachTheToolsClients() {
    Map<String, Object> settings = new HashMap<>(cluster.clientProperties());
    settings.put("default.api.timeout.ms", "soon");
    StreamsResetTool tool = new StreamsResetTool(settings);

    assertThatThrownBy(
            () -> tool.run("tool-settings", List.of(), List.of("tool-settings-x-changelog")))
        .hasMessageStartingWith("Kafka's streams reset tool failed: ")
        .hasMessageContaining("soon", "default.api.timeout.ms");
  }
}
