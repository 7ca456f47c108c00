package io.paperpulse.tagging;

import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagKind;
import io.paperpulse.tagging.keyphrase.DocumentFrequencyTable;
import io.paperpulse.tagging.keyphrase.Keyphrase;
import io.paperpulse.tagging.keyphrase.KeyphraseExtractor;
import io.paperpulse.tagging.keyphrase.KeyphraseRanker;
import io.paperpulse.tagging.keyphrase.KeyphraseSettings;
import io.paperpulse.tagging.partofspeech.PartOfSpeechLexicon;
import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.TokenizedText;
import io.paperpulse.tagging.text.Tokenizer;
import io.paperpulse.tagging.text.WordList;
import io.paperpulse.tagging.topic.Taxonomy;
import io.paperpulse.tagging.topic.TaxonomyParser;
import io.paperpulse.tagging.topic.TopicMatcher;
import io.paperpulse.tagging.topic.TopicScores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The paperpulse tagger: topics from a curated taxonomy plus keyphrases extracted from the text.
 *
 * <p>All resources are loaded and compiled once, at construction; {@link #tag} only reads them, so
 * one instance serves any number of threads.
 */
public final class PaperTagger implements Tagger {
  static final String KEYPHRASE_VERSION = "keyphrase-6";

  /**
   * Keyphrases extracted beyond the limit, to take the place of those that turn out to name a
   * taxonomy topic: such a keyphrase becomes that topic rather than a tag of its own.
   */
  private static final int SPARE_KEYPHRASES = 3;

  private static final Comparator<Tag> BY_SCORE_THEN_NAME =
      Comparator.comparingDouble(Tag::getScore)
          .reversed()
          .thenComparing(tag -> tag.getName().toString());

  private final Tokenizer tokenizer;
  private final TopicMatcher topics;
  private final KeyphraseExtractor keyphrases;
  private final TaggerConfig config;
  private final String version;
  private final ThreadLocal<TopicScores> topicScores;

  private PaperTagger(
      Tokenizer tokenizer, Taxonomy taxonomy, KeyphraseExtractor keyphrases, TaggerConfig config) {
    this.tokenizer = tokenizer;
    this.topics = TopicMatcher.compile(taxonomy, tokenizer);
    this.topicScores = ThreadLocal.withInitial(topics::newScores);
    this.keyphrases = keyphrases;
    this.config = config;
    this.version = taxonomy.version() + "/" + KEYPHRASE_VERSION;
  }

  /** The shipped taxonomy with default limits. */
  public static PaperTagger withDefaultTaxonomy() {
    return withDefaultTaxonomy(TaggerConfig.DEFAULT);
  }

  public static PaperTagger withDefaultTaxonomy(TaggerConfig config) {
    return create(Taxonomy.defaultTaxonomy(), config);
  }

  /**
   * A tagger using a taxonomy file (format in docs/tagging.md) that extends or replaces the shipped
   * taxonomy. Throws IllegalArgumentException naming file, line and problem when the file is
   * invalid.
   */
  public static PaperTagger withTaxonomyFile(Path file, TaxonomyMode mode, TaggerConfig config)
      throws IOException {
    Taxonomy user = TaxonomyParser.parse(file).orElseThrow();
    Taxonomy taxonomy =
        mode == TaxonomyMode.REPLACE ? user : Taxonomy.defaultTaxonomy().extendedBy(user);
    return create(taxonomy, config);
  }

  public static PaperTagger create(Taxonomy taxonomy, TaggerConfig config) {
    Tokenizer tokenizer = new Tokenizer(new Singularizer());
    return new PaperTagger(tokenizer, taxonomy, defaultKeyphraseExtractor(), config);
  }

  /** The keyphrase extractor with the shipped word lists and document frequencies. */
  public static KeyphraseExtractor defaultKeyphraseExtractor() {
    return DefaultExtractor.INSTANCE;
  }

  @Override
  public List<Tag> tag(String title, String abstractText) {
    TokenizedText titleTokens = tokenizer.tokenize(title == null ? "" : title);
    TokenizedText bodyTokens = tokenizer.tokenize(abstractText == null ? "" : abstractText);
    List<Tag> tags = new ArrayList<>(config.maxTopics() + config.maxKeyphrases());
    addTopics(titleTokens, bodyTokens, tags);
    int topicTags = tags.size();
    List<Tag> phrases = new ArrayList<>(config.maxKeyphrases());
    int wanted = config.maxKeyphrases();
    int asked = wanted == 0 ? 0 : wanted + SPARE_KEYPHRASES;
    List<Keyphrase> extracted = keyphrases.extract(titleTokens, bodyTokens, asked);
    for (int next = 0; next < extracted.size() && phrases.size() < wanted; next++) {
      Keyphrase k = extracted.get(next);
      // Without topic tags (limit 0) a keyphrase has nothing to become and stays.
      int topic = config.maxTopics() == 0 ? -1 : topics.topicSpanning(tokenizer.tokenize(k.name()));
      if (topic < 0) {
        phrases.add(new Tag(k.name(), TagKind.KEYPHRASE, round(k.score())));
      } else if (tags.size() < config.maxTopics() && !named(tags, topics.topicName(topic))) {
        // The keyphrase is a topic the matcher did not count (a spelling it matches only as a
        // whole).
        double score = topicScores.get().total(topic);
        tags.add(new Tag(topics.topicName(topic), TagKind.TOPIC, round(score > 0 ? score : 1.0)));
      }
      if (next == extracted.size() - 1 && extracted.size() == asked && phrases.size() < wanted) {
        // More of them named topics than there were spares: ask for more, the rare case.
        asked *= 2;
        extracted = keyphrases.extract(titleTokens, bodyTokens, asked);
      }
    }
    if (tags.size() > topicTags) {
      tags.sort(BY_SCORE_THEN_NAME);
    }
    phrases.sort(BY_SCORE_THEN_NAME);
    tags.addAll(phrases);
    return tags;
  }

  private static boolean named(List<Tag> tags, String name) {
    for (Tag tag : tags) {
      if (tag.getName().toString().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private void addTopics(TokenizedText title, TokenizedText body, List<Tag> out) {
    if (config.maxTopics() == 0) {
      return;
    }
    TopicScores scores = topicScores.get();
    topics.score(title, config.titleWeight(), body, config.parentShare(), scores);
    // Selection of the best few instead of sorting every scored topic: same order as sorting by
    // rounded score (descending), then name; topic names are unique, so there are no full ties.
    int found = scores.size();
    int[] candidates = new int[found];
    double[] rounded = new double[found];
    int n = 0;
    for (int i = 0; i < found; i++) {
      int topic = scores.topic(i);
      if (scores.total(topic) > 0) {
        candidates[n] = topic;
        rounded[n] = round(scores.total(topic));
        n++;
      }
    }
    int limit = Math.min(config.maxTopics(), n);
    for (int k = 0; k < limit; k++) {
      int best = k;
      for (int i = k + 1; i < n; i++) {
        int byScore = Double.compare(rounded[i], rounded[best]);
        if (byScore > 0
            || (byScore == 0
                && topics.topicName(candidates[i]).compareTo(topics.topicName(candidates[best]))
                    < 0)) {
          best = i;
        }
      }
      out.add(new Tag(topics.topicName(candidates[best]), TagKind.TOPIC, rounded[best]));
      candidates[best] = candidates[k];
      rounded[best] = rounded[k];
    }
  }

  /** Scores are rounded so that they print and compare stably across platforms. */
  private static double round(double score) {
    return Math.round(score * 10_000.0) / 10_000.0;
  }

  @Override
  public String version() {
    return version;
  }

  /**
   * A keyphrase extractor with the shipped word lists and document frequencies and other settings.
   */
  public static KeyphraseExtractor keyphraseExtractor(KeyphraseSettings settings) {
    return keyphraseExtractor(settings, KeyphraseRanker.loadDefault());
  }

  /**
   * As {@link #keyphraseExtractor(KeyphraseSettings)} with another candidate ranker; {@code null}
   * ranks candidates by the hand-fitted score alone (keyphrase-4).
   */
  public static KeyphraseExtractor keyphraseExtractor(
      KeyphraseSettings settings, KeyphraseRanker ranker) {
    return new KeyphraseExtractor(
        new PorterStems(),
        PartOfSpeechLexicon.shared(),
        WordList.load("/io/paperpulse/tagging/stop-words.txt"),
        WordList.load("/io/paperpulse/tagging/weak-modifiers.txt"),
        WordList.load("/io/paperpulse/tagging/notation-words.txt"),
        WordList.load("/io/paperpulse/tagging/verb-cues.txt"),
        WordList.load("/io/paperpulse/tagging/generic-words.txt"),
        DocumentFrequencyTable.loadDefault(),
        settings,
        ranker);
  }

  /** Loaded on first use and shared: the word lists and the frequency table are read-only. */
  private static final class DefaultExtractor {
    static final KeyphraseExtractor INSTANCE = keyphraseExtractor(KeyphraseSettings.DEFAULT);
  }
}
