package io.paperpulse.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.RegistryTestBase;
import io.paperpulse.streams.testing.VocabularyTagger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TopologyDescriptionTest extends RegistryTestBase {

  private static TopologyDescription describe(String prefix) {
    return PaperPulseTopology.build(
            new StreamsBuilder(),
            new PaperPulseStreamsConfig(Map.of()),
            new TopicNames(prefix),
            new RegistryTopologySerdes(registry.client()),
            new VocabularyTagger())
        .describe();
  }

  @Test
  void everyOperatorAndStoreIsNamedExplicitly() {
    String description = describe("").toString();

    assertThat(description).doesNotContain("KSTREAM-", "KTABLE-", "STATE-STORE-");
    assertThat(description)
        .contains(
            StoreNames.PAPER_TAGS,
            StoreNames.BUCKET_COUNTS,
            StoreNames.PUBLISHED_PARTS,
            StoreNames.TAG_DELTAS + "-repartition",
            StoreNames.RANKING_PARTS + "-repartition",
            StoreNames.TRENDING_RANKINGS);
  }

  @Test
  void topicPrefixAppliesToEveryPublicTopic() {
    String description = describe("acme.").toString();
    TopicNames plain = TopicNames.unprefixed();

    for (String topic : new TopicNames("acme.").all()) {
      assertThat(description).contains("topic: " + topic).as(topic);
    }
    assertThat(description).doesNotContain("topic: " + plain.papers() + ")");
  }

  @Test
  void documentationShowsTheCurrentTopology() throws IOException {
    Path doc = Path.of("..", "docs", "topology.md");
    String described = describe("").toString().strip();
    // written out so the document can be refreshed by copying it after a topology change
    Files.writeString(Path.of("target", "topology-description.txt"), described + "\n");

    assertThat(Files.readString(doc)).contains(described);
  }
}
