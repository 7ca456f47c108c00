package io.paperpulse.streams.app;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.AppWait;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.Tagger;
import io.paperpulse.testsupport.SingleBrokerTestBase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real application, on an in-JVM KRaft broker and an HTTP schema registry. */
class StreamsAppIntegrationTest extends SingleBrokerTestBase {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Tagger TAGGER = PaperTagger.withDefaultTaxonomy();

  /** Without a crash both guarantees give the same, exact counts. */
  @ParameterizedTest
  @EnumSource(ProcessingGuarantee.class)
  void countsMatchRecomputedCounts(ProcessingGuarantee guarantee, @TempDir Path stateDir)
      throws Exception {
    String name = guarantee.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            registry.url(),
            stateDir,
            Map.of(
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "it-" + name + ".",
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-it-" + name,
                PaperPulseStreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                guarantee.configValue(),
                PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                2));
    TopicNames topics = config.topics();
    Map<String, PaperEvent> live = new LinkedHashMap<>();

    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, TAGGER)) {
      app.start();
      List<KeyValue<String, PaperEvent>> events = history(new Random(5));
      cluster.publish(topics.papers(), events);
      for (KeyValue<String, PaperEvent> event : events) {
        if (event.value == null) {
          live.remove(event.key);
        } else {
          live.put(event.key, event.value);
        }
      }
      AppWait.caughtUp(app, TIMEOUT);

      Map<TagCountKey, ExpectedCounts.Totals> expected =
          ExpectedCounts.recompute(live.values(), TAGGER, Granularity.DEFAULTS);
      assertThat(expected).isNotEmpty();
      assertThat(ExpectedCounts.fromTopic(cluster.readTagCounts(topics.tagCounts())))
          .isEqualTo(expected);

      // interactive queries see the same state
      TagCountKey someKey = expected.keySet().iterator().next();
      TagCount queried =
          app.queries()
              .tagCount(
                  someKey.getTag(),
                  Granularity.fromLabel(someKey.getGranularity()),
                  someKey.getBucketStart())
              .orElseThrow();
      assertThat(ExpectedCounts.Totals.of(queried)).isEqualTo(expected.get(someKey));
      assertThat(app.queries().latest(Granularity.YEAR)).isPresent();
    }
    assertGroupLeftOnClose(config.applicationId());
  }

  /**
   * Changes of one count between two commits reach the topic as one record with the latest value.
   */
  @Test
  void aCountChangedManyTimesBetweenCommitsIsWrittenOnce(@TempDir Path stateDir) throws Exception {
    // all papers are on the topic before the start, so they are processed within the first
    // interval; a stream thread processes one record in its first loop and more in later ones, so
    // the interval must outlast the start-up, or the first paper is committed on its own. The
    // record cache writes a key once per commit under either guarantee; at-least-once passes the
    // deltas on at once instead of at the upstream stage's commit, so the test waits one interval,
    // not one per stage.
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            registry.url(),
            stateDir,
            Map.of(
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "once.",
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-it-once",
                PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                1,
                PaperPulseStreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.AT_LEAST_ONCE,
                "commit.interval.ms",
                "10000"));
    TopicNames topics = config.topics();
    List<KeyValue<String, PaperEvent>> papers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id = "once-" + i;
      papers.add(
          KeyValue.pair(
              id,
              paper(id, "Diffusion models number " + i, "", LocalDate.of(2024, 3, 1 + i % 20), 1)));
    }
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      new TopicProvisioner(admin).createMissing(topics, 1, (short) 1);
    }
    cluster.publish(topics.papers(), papers);
    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, TAGGER)) {
      app.start();
      AppWait.caughtUp(app, TIMEOUT);
    }
    TagCountKey year = new TagCountKey("diffusion models", "year", LocalDate.of(2024, 1, 1));
    List<KeyValue<TagCountKey, TagCount>> written =
        cluster.readTagCounts(topics.tagCounts()).stream()
            .filter(record -> record.key.equals(year))
            .toList();
    assertThat(written)
        .singleElement()
        .satisfies(record -> assertThat(record.value.getPaperCount()).isEqualTo(60));
  }

  /** A closed instance leaves its group, so that a restarted one need not wait out its session. */
  private static void assertGroupLeftOnClose(String applicationId) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      ConsumerGroupDescription group =
          admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId);
      assertThat(group.members()).isEmpty();
    }
  }

  @Test
  void anInstanceRestoringTheStoresFromTheirChangelogsRebuildsTheRankingIndex(
      @TempDir Path firstStateDir, @TempDir Path secondStateDir) throws Exception {
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            registry.url(),
            firstStateDir,
            Map.of(
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "restore.",
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-it-restore",
                PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG,
                1));
    TopicNames topics = config.topics();
    LocalDate january = LocalDate.of(2024, 1, 1);
    Map<String, Long> before;
    try (PaperPulseStreamsApp app = new PaperPulseStreamsApp(config, TAGGER)) {
      app.start();
      cluster.publish(topics.papers(), history(new Random(7)));
      AppWait.caughtUp(app, TIMEOUT);
      before = paperCounts(app.queries().trending(Granularity.MONTH, january).orElseThrow());
    }
    // fewer tags than the top N, so a new paper displaces none of them
    assertThat(before).hasSizeBetween(2, PaperPulseStreamsConfig.TOP_N_DEFAULT - 2);
    // every changelog rolls small segments, so the broker can compact what a restore reads
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      List<ConfigResource> changelogs =
          admin.listTopics().names().get().stream()
              .filter(name -> name.startsWith("paperpulse-it-restore-"))
              .filter(name -> name.endsWith("-changelog"))
              .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
              .toList();
      assertThat(changelogs)
          .extracting(ConfigResource::name)
          .contains(
              "paperpulse-it-restore-bucket-counts-changelog",
              "paperpulse-it-restore-paper-tags-changelog",
              "paperpulse-it-restore-top-papers-rankings-changelog")
          .hasSize(7);
      for (Config configs : admin.describeConfigs(changelogs).all().get().values()) {
        assertThat(configs.get(TopicConfig.SEGMENT_BYTES_CONFIG).value())
            .isEqualTo(String.valueOf(16 * 1024 * 1024));
        assertThat(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
            .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
      }
    }

    // A fresh state directory: the second instance restores the changelogged stores; the ranking
    // index has no changelog and must be rebuilt, or the ranking would only hold the new paper's
    // tags.
    PaperEvent added =
        paper(
            "2401.20000",
            "Large language models for code",
            "We study large language models for code",
            LocalDate.of(2024, 1, 20),
            3);
    Set<String> addedTags =
        TAGGER.tag(added.getTitle(), added.getAbstract$()).stream()
            .map(Tag::getName)
            .collect(Collectors.toSet());
    try (PaperPulseStreamsApp app =
        new PaperPulseStreamsApp(
            config.with(
                Map.of(PaperPulseStreamsConfig.STATE_DIR_CONFIG, secondStateDir.toString())),
            TAGGER)) {
      app.start();
      cluster.publish(topics.papers(), List.of(KeyValue.pair(added.getId(), added)));
      AppWait.caughtUp(app, TIMEOUT);
      Map<String, Long> after =
          paperCounts(app.queries().trending(Granularity.MONTH, january).orElseThrow());

      assertThat(after)
          .containsKeys(before.keySet().toArray(String[]::new))
          .containsKeys(addedTags.toArray(String[]::new));
      before.forEach(
          (tag, count) ->
              assertThat(after.get(tag))
                  .as(tag)
                  .isEqualTo(addedTags.contains(tag) ? count + 1 : count));
    }
  }

  private static Map<String, Long> paperCounts(TrendingTags ranking) {
    return ranking.getTags().stream()
        .collect(Collectors.toMap(TrendingTag::getTag, TrendingTag::getPaperCount));
  }

  /** Thirty papers over two months, then updates of text, date and upvotes, and deletes. */
  private static List<KeyValue<String, PaperEvent>> history(Random random) {
    List<String> titles =
        List.of(
            "Diffusion models for video generation",
            "Large language models for code",
            "Reinforcement learning for robot control",
            "Graph neural networks for drug discovery");
    List<KeyValue<String, PaperEvent>> events = new ArrayList<>();
    Map<String, PaperEvent> latest = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      String id = "2401." + (10000 + i);
      PaperEvent paper =
          paper(
              id,
              titles.get(i % titles.size()),
              "We study " + titles.get(random.nextInt(4)).toLowerCase(),
              LocalDate.of(2024, 1, 1).plusDays(random.nextInt(60)),
              random.nextInt(50));
      events.add(KeyValue.pair(id, paper));
      latest.put(id, paper);
    }
    for (int i = 0; i < 30; i += 3) {
      String id = "2401." + (10000 + i);
      PaperEvent changed =
          PaperEvent.newBuilder(latest.get(id))
              .setTitle(titles.get((i + 1) % titles.size()))
              .setPublishedAt(latest.get(id).getPublishedAt().plus(Duration.ofDays(9)))
              .setUpvotes(latest.get(id).getUpvotes() + 7)
              .build();
      events.add(KeyValue.pair(id, changed));
      events.add(KeyValue.pair(id, changed)); // duplicate
    }
    for (int i = 1; i < 30; i += 5) {
      events.add(KeyValue.pair("2401." + (10000 + i), null));
    }
    return events;
  }
}
