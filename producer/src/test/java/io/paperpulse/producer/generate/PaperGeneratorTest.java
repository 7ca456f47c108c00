package io.paperpulse.producer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParsedInput;
import io.paperpulse.producer.paper.PaperIds;
import io.paperpulse.schema.PaperEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaperGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate FROM = LocalDate.of(2023, 3, 1);
  private static final LocalDate TO = LocalDate.of(2023, 8, 31);
  private static ResearchVocabulary vocabulary;

  @BeforeAll
  static void loadVocabulary() {
    vocabulary = ResearchVocabulary.load();
  }

  @Test
  void vocabularyHasHundredsOfTopicsAndRealSampleSentences() {
    assertThat(vocabulary.topics())
        .hasSizeGreaterThan(300)
        .extracting(ResearchVocabulary.Topic::phrase)
        .contains(
            "large language models",
            "diffusion models",
            "graph neural networks",
            "KV cache",
            "federated learning",
            "reinforcement learning",
            "protein structure prediction",
            "quantum error correction")
        .doesNotHaveDuplicates();
    assertThat(vocabulary.topics())
        .extracting(ResearchVocabulary.Topic::category)
        .contains("cs.CL", "cs.CV", "cs.CR", "physics", "q-bio");
    assertThat(vocabulary.sampleSentences())
        .hasSizeGreaterThan(100)
        .allSatisfy(s -> assertThat(s).endsWith(".").doesNotContain("http"));
  }

  @Test
  void sameSeedGivesTheSameEventsAndAnotherSeedDoesNot() {
    List<GeneratedEvent> first = generate(settings(42), 400);
    List<GeneratedEvent> again = generate(settings(42), 400);
    List<GeneratedEvent> other = generate(settings(43), 400);

    assertThat(again).isEqualTo(first);
    assertThat(other)
        .extracting(GeneratedEvent::paper)
        .isNotEqualTo(first.stream().map(GeneratedEvent::paper).toList());
  }

  @Test
  void updatesAndDeletesComeInTheConfiguredSharesAndOnlyTouchLivePapers() {
    int total = 10_000;
    List<GeneratedEvent> events = generate(settings(7).withShares(0.10, 0.03), total);
    Set<String> live = new HashSet<>();
    Set<String> everSeen = new HashSet<>();
    Map<GeneratedEvent.Kind, Integer> counts = new HashMap<>();
    List<String> violations = new ArrayList<>();
    for (GeneratedEvent e : events) {
      counts.merge(e.kind(), 1, Integer::sum);
      boolean ok =
          switch (e.kind()) {
            case INSERT -> everSeen.add(e.id()) && live.add(e.id()) && e.paper() != null;
            case UPDATE -> live.contains(e.id()) && e.paper() != null;
            case DELETE -> live.remove(e.id()) && e.paper() == null;
          };
      if (!ok) {
        violations.add(e.sequence() + " " + e.kind() + " " + e.id());
      }
    }
    assertThat(violations).as("inserts of new ids, updates and deletes of live ids").isEmpty();
    assertThat(counts.get(GeneratedEvent.Kind.UPDATE) / (double) total)
        .isCloseTo(0.10, within(0.01));
    assertThat(counts.get(GeneratedEvent.Kind.DELETE) / (double) total)
        .isCloseTo(0.03, within(0.006));
  }

  @Test
  void updatesChangeAbstractDateOrUpvotesButKeepTheTitle() {
    Map<String, PaperEvent> latest = new HashMap<>();
    int changedAbstract = 0;
    int changedDate = 0;
    int changedUpvotes = 0;
    for (GeneratedEvent e : generate(settings(11).withShares(0.3, 0.0), 3_000)) {
      if (e.kind() == GeneratedEvent.Kind.UPDATE) {
        PaperEvent before = latest.get(e.id());
        assertThat(e.paper()).isNotEqualTo(before);
        changedAbstract += before.getAbstract$().equals(e.paper().getAbstract$()) ? 0 : 1;
        changedDate += before.getPublishedAt().equals(e.paper().getPublishedAt()) ? 0 : 1;
        changedUpvotes += before.getUpvotes() == e.paper().getUpvotes() ? 0 : 1;
        assertThat(e.paper().getUpvotes()).isGreaterThanOrEqualTo(before.getUpvotes());
        if (before.getPublishedAt().equals(e.paper().getPublishedAt())) {
          assertThat(e.paper().getTitle()).isEqualTo(before.getTitle());
        }
      }
      latest.put(e.id(), e.paper());
    }
    assertThat(changedAbstract).isPositive();
    assertThat(changedDate).isPositive();
    assertThat(changedUpvotes).isPositive();
  }

  @Test
  void generatedPapersPassTheSameValidationAsParsedOnesAndLookLikeRealListings() throws Exception {
    List<PaperEvent> papers =
        generate(settings(3), 1_000).stream()
            .map(GeneratedEvent::paper)
            .filter(p -> p != null)
            .toList();
    Instant from = FROM.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = TO.atStartOfDay(ZoneOffset.UTC).toInstant();
    StringBuilder jsonLines = new StringBuilder();
    for (PaperEvent p : papers) {
      assertThat(p.getTitle()).isNotBlank();
      assertThat(p.getPublishedAt()).isBetween(from, to);
      assertThat(PaperComposer.wordCount(p.getAbstract$())).isBetween(150, 300);
      assertThat(PaperIds.arxivId(p.getId())).contains(p.getId());
      assertThat(p.getId()).matches("\\d{4}\\.\\d{5}");
      assertThat(p.getAuthorCount()).isPositive();
      jsonLines.append(asJsonLine(p)).append('\n');
    }
    ParsedInput parsed =
        InputReader.read(
            jsonLines.toString(),
            InputFormat.JSONL,
            new ParseContext("generated.jsonl", TO, Instant.EPOCH));

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.papers()).hasSize(papers.size());
    for (int i = 0; i < papers.size(); i++) {
      PaperEvent reparsed =
          PaperEvent.newBuilder(parsed.papers().get(i).event())
              .setIngestedAt(papers.get(i).getIngestedAt())
              .build();
      assertThat(reparsed).isEqualTo(papers.get(i));
    }
  }

  @Test
  void upvotesAreSkewedLikeRealOnes() {
    List<Integer> upvotes =
        generate(settings(5).withShares(0, 0), 3_000).stream()
            .map(e -> e.paper().getUpvotes())
            .toList();
    long none = upvotes.stream().filter(u -> u == 0).count();
    long few = upvotes.stream().filter(u -> u < 10).count();
    long many = upvotes.stream().filter(u -> u >= 50).count();
    assertThat(none / 3_000.0).isBetween(0.35, 0.6);
    assertThat(few / 3_000.0).isGreaterThan(0.8);
    assertThat(many).isBetween(3L, 150L);
    assertThat(upvotes).allMatch(u -> u >= 0 && u <= 3_000);
  }

  @Test
  void burstIsReadFromPhraseFromToShare() {
    assertThat(TopicBurst.parse("ratio: a study:2024-03-04:2024-03-17:0.3"))
        .isEqualTo(
            new TopicBurst(
                "ratio: a study", LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 17), 0.3));
    assertThatThrownBy(() -> TopicBurst.parse("x:2024-03-04:0.3"))
        .hasMessageContaining("PHRASE:FROM:TO:SHARE");
    assertThatThrownBy(() -> TopicBurst.parse("x:2024-03-04:2024-02-01:0.3"))
        .hasMessageContaining("ends before");
    assertThatThrownBy(() -> TopicBurst.parse("x:2024-03-04:2024-03-05:1.5"))
        .hasMessageContaining("share");
    assertThatThrownBy(() -> TopicBurst.parse("x:March:2024-03-05:0.5"))
        .hasMessageContaining("dates");
  }

  @Test
  void burstPhraseIsTheTopicOfTheChosenShareOfPapersInsideItsWindowOnly() {
    TopicBurst burst =
        new TopicBurst(
            "quantum error correction", LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 30), 0.4);
    List<PaperEvent> papers =
        generate(settings(9).withShares(0, 0).withBurst(burst), 4_000).stream()
            .map(GeneratedEvent::paper)
            .toList();
    Instant windowStart = burst.from().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant windowEnd = burst.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<PaperEvent> inside = new ArrayList<>();
    List<PaperEvent> outside = new ArrayList<>();
    papers.forEach(
        p ->
            (p.getPublishedAt().isBefore(windowStart) || !p.getPublishedAt().isBefore(windowEnd)
                    ? outside
                    : inside)
                .add(p));

    assertThat(inside).hasSizeGreaterThan(500);
    assertThat(shareAbout(inside, burst.phrase())).isCloseTo(0.4, within(0.06));
    assertThat(shareAbout(outside, burst.phrase())).isLessThan(0.02);
    assertThat(inside.stream().filter(p -> titleMentions(p, burst.phrase())))
        .allSatisfy(p -> assertThat(p.getCategories()).containsExactly("physics"));
  }

  @Test
  void stateIsTheReplayOfTheEventsLatestVersionPerIdWithoutDeletes() {
    PaperGenerator generator = new PaperGenerator(settings(21).withShares(0.2, 0.1), vocabulary);
    Map<String, PaperEvent> replay = new HashMap<>();
    Set<String> deleted = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      GeneratedEvent e = generator.next();
      if (e.paper() == null) {
        replay.remove(e.id());
        deleted.add(e.id());
      } else {
        replay.put(e.id(), e.paper());
      }
    }
    GeneratedState state = generator.state();

    assertThat(state.finalPapers()).isEqualTo(replay);
    assertThat(state.deletedIds()).isEqualTo(deleted);
    assertThat(state.liveCount()).isEqualTo(replay.size());
    assertThat(state.paper(deleted.iterator().next())).isEmpty();
    assertThat(generator.inserts() + generator.updates() + generator.deletes()).isEqualTo(2_000);
    assertThat(generator.inserts()).isEqualTo(replay.size() + deleted.size());
  }

  @Test
  void titlesAreTitleCasedWithoutTouchingAcronyms() {
    assertThat(
            PaperComposer.titleCase(
                "FlashKV: efficient KV cache for real-time inference on edge devices"))
        .isEqualTo("FlashKV: Efficient KV Cache for Real-Time Inference on Edge Devices");
    assertThat(PaperComposer.titleCase("on the limits of 3D reconstruction with a diffusion prior"))
        .isEqualTo("On the Limits of 3D Reconstruction with a Diffusion Prior");
  }

  private static double shareAbout(List<PaperEvent> papers, String phrase) {
    return papers.stream().filter(p -> titleMentions(p, phrase)).count() / (double) papers.size();
  }

  private static boolean titleMentions(PaperEvent paper, String phrase) {
    return paper.getTitle().toLowerCase(Locale.ROOT).contains(phrase);
  }

  private static GeneratorSettings settings(long seed) {
    return GeneratorSettings.defaults(seed).withSpan(FROM, TO);
  }

  private static List<GeneratedEvent> generate(GeneratorSettings settings, int count) {
    PaperGenerator generator = new PaperGenerator(settings, vocabulary);
    List<GeneratedEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(generator.next());
    }
    return events;
  }

  private static String asJsonLine(PaperEvent p) throws Exception {
    ObjectNode node =
        JSON.createObjectNode()
            .put("id", p.getId())
            .put("title", p.getTitle())
            .put("abstract", p.getAbstract$())
            .put("authorCount", p.getAuthorCount())
            .put("publishedAt", p.getPublishedAt().toString())
            .put("upvotes", p.getUpvotes())
            .put("source", p.getSource())
            .put("url", p.getUrl())
            .put("arxivId", p.getArxivId());
    node.putArray("authors");
    p.getCategories().forEach(node.withArray("categories")::add);
    return JSON.writeValueAsString(node);
  }
}
