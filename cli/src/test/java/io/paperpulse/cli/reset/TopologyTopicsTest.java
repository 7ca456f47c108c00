package io.paperpulse.cli.reset;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.streams.topology.StoreNames;
import io.paperpulse.streams.topology.TopicNames;
import org.junit.jupiter.api.Test;

class TopologyTopicsTest {

  @Test
  void namesTheInputAndEveryRepartitionAndStoreTopicOfThePaperpulseTopology() {
    TopicNames publicTopics = new TopicNames("acme.");

    TopologyTopics topics =
        TopologyTopics.of(
            "paperpulse-staging",
            ApplicationTopology.build(publicTopics).describe(),
            publicTopics.all());

    assertThat(topics.inputTopics()).containsExactly("acme.papers");
    assertThat(topics.internalTopics())
        .containsExactlyInAnyOrder(
            "paperpulse-staging-" + StoreNames.BUCKET_COUNTS + "-changelog",
            "paperpulse-staging-" + StoreNames.PAPER_TAGS + "-changelog",
            "paperpulse-staging-" + StoreNames.PUBLISHED_PARTS + "-changelog",
            "paperpulse-staging-" + StoreNames.RANKING_PARTS + "-repartition",
            // the description does not say that this store keeps no changelog; no such topic is
            // ever created
            "paperpulse-staging-" + StoreNames.PAPER_RANKS + "-changelog",
            "paperpulse-staging-" + StoreNames.TAG_DELTAS + "-repartition",
            "paperpulse-staging-" + StoreNames.TREND_ALERTS + "-changelog",
            "paperpulse-staging-" + StoreNames.TRENDING_RANKINGS + "-changelog",
            "paperpulse-staging-" + StoreNames.PUBLISHED_PAPER_PARTS + "-changelog",
            "paperpulse-staging-" + StoreNames.TOP_PAPERS_PARTS + "-repartition",
            "paperpulse-staging-" + StoreNames.TOP_PAPERS + "-changelog");
  }
}
