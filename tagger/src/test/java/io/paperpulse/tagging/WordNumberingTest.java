package io.paperpulse.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.tagging.keyphrase.Keyphrase;
import io.paperpulse.tagging.keyphrase.KeyphraseExtractor;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.TokenizedText;
import io.paperpulse.tagging.text.Tokenizer;
import io.paperpulse.tagging.topic.Taxonomy;
import io.paperpulse.tagging.topic.TopicMatcher;
import io.paperpulse.tagging.topic.TopicScores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Words are numbered per tokenizer and thread, and the matchers keep what they derive by word
 * number: texts of several vocabularies, a vocabulary started afresh between title and body, and
 * texts tokenized on another thread must give the same results as one fresh tokenizer.
 */
class WordNumberingTest {
  private static final String TITLE = "Retrieval-augmented generation with large language models";
  private static final String BODY =
      "We study retrieval-augmented generation (RAG) for LLMs. A KV cache "
          + "compression scheme speeds up inference of large language models, and graph neural networks "
          + "rank the retrieved passages. Experiments on question answering show gains.";

  private final KeyphraseExtractor extractor = PaperTagger.defaultKeyphraseExtractor();

  @Test
  void titleAndBodyFromTwoTokenizersGiveTheTagsOfOne() {
    Tokenizer one = new Tokenizer(new Singularizer());
    Tokenizer other = new Tokenizer(new Singularizer());
    other.tokenize("graph models of words, unrelated to the paper");
    assertThat(results(one.tokenize(TITLE), other.tokenize(BODY), one)).isEqualTo(expected());
  }

  @Test
  void aVocabularyStartedBetweenTitleAndBodyGivesTheSameTags() {
    Tokenizer tokenizer = new Tokenizer(new Singularizer());
    TokenizedText title = tokenizer.tokenize(TITLE);
    tokenizer.tokenize(manyDistinctWords(70_000)); // fills the vocabulary past its bound
    TokenizedText body = tokenizer.tokenize(BODY);
    assertThat(body.vocabulary()).isNotSameAs(title.vocabulary());
    assertThat(results(title, body, tokenizer)).isEqualTo(expected());
  }

  @Test
  void textsTokenizedOnAnotherThreadGiveTheSameTags() throws Exception {
    Tokenizer tokenizer = new Tokenizer(new Singularizer());
    TokenizedText[] texts =
        CompletableFuture.supplyAsync(
                () -> new TokenizedText[] {tokenizer.tokenize(TITLE), tokenizer.tokenize(BODY)})
            .get();
    assertThat(results(texts[0], texts[1], tokenizer)).isEqualTo(expected());
    assertThat(results(texts[0], texts[1], tokenizer)).isEqualTo(expected());
  }

  private List<String> expected() {
    Tokenizer fresh = new Tokenizer(new Singularizer());
    return results(fresh.tokenize(TITLE), fresh.tokenize(BODY), fresh);
  }

  /** Keyphrases and topic scores, as comparable strings. */
  private List<String> results(TokenizedText title, TokenizedText body, Tokenizer tokenizer) {
    List<String> out = new ArrayList<>();
    for (Keyphrase k : extractor.extract(title, body, 10)) {
      out.add(k.name() + " " + k.key() + " " + k.score());
    }
    TopicMatcher topics = TopicMatcher.compile(Taxonomy.defaultTaxonomy(), tokenizer);
    TopicScores scores = topics.newScores();
    topics.score(title, 3.0, body, 0.5, scores);
    for (int i = 0; i < scores.size(); i++) {
      out.add(topics.topicName(scores.topic(i)) + " " + scores.total(scores.topic(i)));
    }
    return out;
  }

  private static String manyDistinctWords(int count) {
    StringBuilder text = new StringBuilder(count * 8);
    for (int i = 0; i < count; i++) {
      text.append("w").append(Integer.toString(i, 36)).append(' ');
    }
    return text.toString();
  }
}
