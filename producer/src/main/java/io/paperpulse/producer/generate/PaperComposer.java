package io.paperpulse.producer.generate;

import io.paperpulse.schema.PaperEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes the text of a synthetic paper version from its {@link PaperState}: a title around one main
 * topic and a 150 to 300 word abstract that motivates, proposes, details and evaluates, mixing
 * template sentences with real sentences of the bundled sample. Everything is derived from the
 * state's seeds, so the same state always yields the same paper.
 */
final class PaperComposer {

  static final String SOURCE = "synthetic";
  static final int MIN_ABSTRACT_WORDS = 150;
  static final int MAX_ABSTRACT_WORDS = 300;
  private static final int SHORTEST_MIDDLE_SENTENCE_WORDS = 7;
  private static final int MIDDLE_TEMPLATES = 5;

  private static final Set<String> SMALL_WORDS =
      Set.of(
          "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "via",
          "with");
  private static final List<String> NAME_STEMS =
      List.of(
          "Flash", "Turbo", "Hydra", "Spark", "Nova", "Orca", "Atlas", "Quill", "Prism", "Echo",
          "Lumen", "Vega", "Zephyr", "Delta", "Helix", "Kite", "Mosaic", "Pilot", "Relay", "Sable",
          "Tempo", "Vertex", "Weave", "Cobalt", "Beacon", "Nimbus", "Rapid", "Sparse", "Deep",
          "Omni");
  private static final List<String> NAME_SUFFIXES =
      List.of(
          "Net", "Former", "KV", "Serve", "Bench", "LM", "Flow", "Gen", "Mind", "Scope", "Fuse",
          "Stream", "Grad", "Route", "", "-2", "++", "X");
  private static final List<String> GERUNDS =
      List.of(
          "Scaling",
          "Rethinking",
          "Accelerating",
          "Benchmarking",
          "Understanding",
          "Improving",
          "Revisiting",
          "Taming",
          "Compressing",
          "Evaluating");
  private static final List<String> ASPECTS =
      List.of(
          "Robustness",
          "Limits",
          "Efficiency",
          "Generalization",
          "Reliability",
          "Scalability",
          "Role");

  private final ResearchVocabulary vocabulary;
  private final TopicBurst burst;
  private final String burstCategory;

  PaperComposer(ResearchVocabulary vocabulary, TopicBurst burst) {
    this.vocabulary = vocabulary;
    this.burst = burst;
    this.burstCategory =
        burst == null
            ? null
            : vocabulary.topics().stream()
                .filter(t -> t.phrase().equalsIgnoreCase(burst.phrase()))
                .map(ResearchVocabulary.Topic::category)
                .findFirst()
                .orElse("cs.LG");
  }

  PaperEvent compose(PaperState state, Instant ingestedAt) {
    SplittableRandom text = new SplittableRandom(state.textSeed());
    ResearchVocabulary.Topic drawn = pick(text, vocabulary.topics());
    String name = pick(text, NAME_STEMS) + pick(text, NAME_SUFFIXES);
    // Drawn from its own stream so that whether a paper joins the burst does not shift any other
    // choice.
    boolean inBurst =
        burst != null
            && burst.covers(state.publishedOn())
            && new SplittableRandom(state.textSeed() ^ 0x5DEECE66DL).nextDouble() < burst.share();
    ResearchVocabulary.Topic topic =
        inBurst ? new ResearchVocabulary.Topic(burst.phrase(), burstCategory) : drawn;
    String title = title(text, topic.phrase(), name);
    String abstractText =
        abstractText(new SplittableRandom(state.abstractSeed()), topic.phrase(), name);
    return PaperEvent.newBuilder()
        .setId(state.id())
        .setTitle(title)
        .setAbstract$(abstractText)
        .setAuthors(List.of())
        .setAuthorCount(state.authorCount())
        .setPublishedAt(state.publishedOn().atStartOfDay(ZoneOffset.UTC).toInstant())
        .setUpvotes(state.upvotes())
        .setSource(SOURCE)
        .setUrl("https://arxiv.org/abs/" + state.id())
        .setArxivId(state.id())
        .setCategories(List.of(topic.category()))
        .setIngestedAt(ingestedAt)
        .build();
  }

  private String title(SplittableRandom r, String topic, String name) {
    String adjective = pick(r, vocabulary.adjectives());
    String application = pick(r, vocabulary.applications());
    String method = pick(r, vocabulary.methods());
    String title =
        switch (r.nextInt(6)) {
          case 0 -> name + ": " + adjective + " " + topic + " for " + application;
          case 1 -> name + ": " + adjective + " " + topic + " with " + method;
          case 2 -> "Towards " + adjective + " " + topic + " via " + withoutArticle(method);
          case 3 -> pick(r, GERUNDS) + " " + topic + " for " + application;
          case 4 -> "On the " + pick(r, ASPECTS) + " of " + topic + " in " + application;
          default -> name + ": " + pick(r, GERUNDS) + " " + topic + " with " + method;
        };
    return titleCase(title);
  }

  /**
   * Opening and closing sentences first, then the middle is filled up to a drawn length with
   * template sentences (each template at most once) and real sentences of the sample (each at most
   * once), so abstracts do not repeat themselves.
   */
  private String abstractText(SplittableRandom r, String topic, String name) {
    int target =
        MIN_ABSTRACT_WORDS + 40 + r.nextInt(MAX_ABSTRACT_WORDS - MIN_ABSTRACT_WORDS - 40 + 1);
    List<String> opening = List.of(context(r, topic), gap(r, topic), proposal(r, topic, name));
    List<String> closing = List.of(results(r, name), outlook(r, topic, name));
    int words = wordCount(opening) + wordCount(closing);
    List<String> middle = new ArrayList<>();
    Set<Integer> usedTemplates = new HashSet<>();
    for (int attempt = 0;
        attempt < 40 && target - words >= SHORTEST_MIDDLE_SENTENCE_WORDS;
        attempt++) {
      String candidate = middleSentence(r, topic, name, usedTemplates);
      if (candidate == null || middle.contains(candidate)) {
        continue;
      }
      int length = wordCount(candidate);
      if (words + length <= target) {
        middle.add(candidate);
        words += length;
      }
    }
    List<String> sentences = new ArrayList<>(opening);
    sentences.addAll(middle);
    sentences.addAll(closing);
    return String.join(" ", sentences);
  }

  private String context(SplittableRandom r, String topic) {
    String application = pick(r, vocabulary.applications());
    return switch (r.nextInt(4)) {
      case 0 ->
          "Work on "
              + topic
              + " has become central to "
              + application
              + ", and its adoption keeps growing across research and industry.";
      case 1 ->
          "Recent progress in " + topic + " has opened new opportunities for " + application + ".";
      case 2 ->
          "Practitioners increasingly rely on "
              + topic
              + " when building systems for "
              + application
              + ".";
      default ->
          "Methods for "
              + topic
              + " are now deployed well beyond the settings they were designed for, including "
              + application
              + ".";
    };
  }

  private String gap(SplittableRandom r, String topic) {
    String adjective = pick(r, vocabulary.adjectives());
    return switch (r.nextInt(4)) {
      case 0 ->
          "However, existing approaches to "
              + topic
              + " are rarely "
              + adjective
              + " and degrade sharply as workloads grow.";
      case 1 ->
          "Yet current methods trade accuracy for cost, and no prior work makes "
              + topic
              + " both "
              + adjective
              + " and practical at scale.";
      case 2 ->
          "A key obstacle is that the dominant designs assume resources and data that real deployments do not offer.";
      default ->
          "Despite this interest, the community lacks a "
              + adjective
              + " solution that holds up under "
              + "realistic conditions.";
    };
  }

  private String proposal(SplittableRandom r, String topic, String name) {
    String method = pick(r, vocabulary.methods());
    String adjective = pick(r, vocabulary.adjectives());
    return switch (r.nextInt(3)) {
      case 0 ->
          "We present "
              + name
              + ", a "
              + adjective
              + " framework for "
              + topic
              + " built around "
              + method
              + ".";
      case 1 ->
          "In this paper, we propose "
              + name
              + ", which combines "
              + method
              + " with "
              + pick(r, vocabulary.methods())
              + " to make "
              + topic
              + " "
              + adjective
              + ".";
      default ->
          "To address this, we introduce "
              + name
              + ", an approach to "
              + topic
              + " that relies on "
              + method
              + ".";
    };
  }

  /** A sentence for the middle of an abstract, or null when the drawn template was already used. */
  private String middleSentence(
      SplittableRandom r, String topic, String name, Set<Integer> usedTemplates) {
    List<String> samples = vocabulary.sampleSentences();
    int choice = r.nextInt(samples.isEmpty() ? MIDDLE_TEMPLATES : MIDDLE_TEMPLATES + 3);
    if (choice >= MIDDLE_TEMPLATES) {
      return pick(r, samples);
    }
    if (!usedTemplates.add(choice)) {
      return null;
    }
    return switch (choice) {
      case 0 ->
          "At its core, "
              + name
              + " uses "
              + pick(r, vocabulary.methods())
              + " to decide where computation is spent.";
      case 1 ->
          "We further design "
              + pick(r, vocabulary.methods())
              + " that keeps the overhead low on "
              + pick(r, vocabulary.applications())
              + ".";
      case 2 ->
          "Unlike prior work on "
              + pick(r, vocabulary.topics()).phrase()
              + ", our design needs no extra labels.";
      case 3 ->
          "We also draw on ideas from "
              + pick(r, vocabulary.topics()).phrase()
              + " and "
              + pick(r, vocabulary.topics()).phrase()
              + ".";
      default -> "The resulting method is simple to implement.";
    };
  }

  private String results(SplittableRandom r, String name) {
    int speedup = 2 + r.nextInt(30);
    int points = 1 + r.nextInt(15);
    return switch (r.nextInt(3)) {
      case 0 ->
          "Experiments on "
              + (3 + r.nextInt(10))
              + " benchmarks show that "
              + name
              + " is up to "
              + speedup
              + "x faster than strong baselines while improving accuracy by "
              + points
              + " points.";
      case 1 ->
          "Across extensive evaluations, "
              + name
              + " reduces cost by "
              + (10 + r.nextInt(80))
              + "% with no loss in quality.";
      default ->
          "Our results show that "
              + name
              + " consistently outperforms the state of the art on "
              + pick(r, vocabulary.applications())
              + ".";
    };
  }

  private String outlook(SplittableRandom r, String topic, String name) {
    return switch (r.nextInt(3)) {
      case 0 -> "We release our code and models to support further research on " + topic + ".";
      case 1 ->
          "These findings suggest that "
              + topic
              + " can be made "
              + pick(r, vocabulary.adjectives())
              + " without sacrificing quality.";
      default -> name + " is open source and integrates with existing toolchains.";
    };
  }

  private static <T> T pick(SplittableRandom r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  private static String withoutArticle(String phrase) {
    return phrase.replaceFirst("^(a|an) ", "");
  }

  private static int wordCount(List<String> sentences) {
    return sentences.stream().mapToInt(PaperComposer::wordCount).sum();
  }

  /** Counts runs of non-whitespace; called for every candidate sentence, so no regex. */
  static int wordCount(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  private static String capitalize(String phrase) {
    return phrase.isEmpty()
        ? phrase
        : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
  }

  /**
   * Capitalizes words except short function words; words already holding capitals (KV, LLM, 3D)
   * stay as written.
   */
  static String titleCase(String title) {
    String[] words = title.split(" ");
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      boolean keep =
          !word.equals(word.toLowerCase(Locale.ROOT))
              || (i > 0 && SMALL_WORDS.contains(word) && !words[i - 1].endsWith(":"));
      if (!keep) {
        words[i] = capitalizeHyphenated(word);
      }
    }
    return String.join(" ", words);
  }

  private static String capitalizeHyphenated(String word) {
    String[] parts = word.split("-", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = capitalize(parts[i]);
    }
    return String.join("-", parts);
  }
}
