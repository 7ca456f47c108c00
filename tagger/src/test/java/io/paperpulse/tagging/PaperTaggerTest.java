package io.paperpulse.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperTaggerTest {
  private static final PaperTagger TAGGER = PaperTagger.withDefaultTaxonomy();

  private static List<String> topics(String title, String abstractText) {
    return TAGGER.tag(title, abstractText).stream()
        .filter(t -> t.getKind() == TagKind.TOPIC)
        .map(t -> t.getName().toString())
        .toList();
  }

  @Test
  void largeLanguageModelVariantsLandOnOneTag() {
    for (String text :
        List.of(
            "We study LLMs.",
            "We study LLM serving.",
            "A large language model is used.",
            "Large-Language-Models are everywhere.",
            "The large language models' outputs",
            "LLM's outputs")) {
      assertThat(topics("", text)).as(text).contains("large language models");
    }
  }

  @Test
  void kvCacheVariantsLandOnAnotherTag() {
    for (String text :
        List.of(
            "We compress the KV cache.",
            "A key-value cache grows.",
            "key value caches",
            "KV-cache eviction")) {
      assertThat(topics("", text)).as(text).first().isEqualTo("kv cache");
    }
  }

  @Test
  void pluralsPossessivesAndHyphensNormalize() {
    assertThat(topics("", "graph neural networks")).contains("graph neural networks");
    assertThat(topics("", "a graph-neural-network's layer")).contains("graph neural networks");
    assertThat(topics("", "Self attention and cross attention")).contains("attention mechanisms");
    assertThat(topics("", "fine tuning versus finetuning versus fine-tuning"))
        .contains("fine-tuning");
  }

  @Test
  void shortAcronymsAreCaseSensitive() {
    assertThat(topics("", "We use RAG to answer questions."))
        .contains("retrieval-augmented generation");
    assertThat(topics("", "a rag doll on the floor"))
        .doesNotContain("retrieval-augmented generation");
    assertThat(topics("", "the IT department and the llm word"))
        .doesNotContain("large language models");
  }

  @Test
  void titleMentionsWeighMoreThanAbstractMentions() {
    List<Tag> tags = TAGGER.tag("Speech recognition", "We use graph neural networks.");
    double speech = score(tags, "speech recognition");
    double graph = score(tags, "graph neural networks");
    assertThat(speech).isGreaterThan(graph);
  }

  @Test
  void topicsComeFirstThenKeyphrasesEachByDescendingScore() {
    List<Tag> tags =
        TAGGER.tag(
            "Efficient KV cache compression for large language model inference",
            "Large language models need a key-value cache during autoregressive decoding. We compress the KV cache "
                + "with quantization and token eviction, reducing GPU memory by half on long-context benchmarks.");
    int firstKeyphrase = indexOfFirst(tags, TagKind.KEYPHRASE);
    assertThat(firstKeyphrase).isPositive();
    assertThat(tags.subList(firstKeyphrase, tags.size()))
        .allMatch(t -> t.getKind() == TagKind.KEYPHRASE);
    for (int i = 1; i < tags.size(); i++) {
      Tag a = tags.get(i - 1);
      Tag b = tags.get(i);
      if (a.getKind() == b.getKind()) {
        assertThat(
                a.getScore() > b.getScore()
                    || a.getScore() == b.getScore()
                        && a.getName().toString().compareTo(b.getName().toString()) < 0)
            .as("%s before %s", a, b)
            .isTrue();
      }
    }
    assertThat(tags.stream().filter(t -> t.getKind() == TagKind.TOPIC)).hasSizeLessThanOrEqualTo(5);
    assertThat(tags.stream().filter(t -> t.getKind() == TagKind.KEYPHRASE))
        .hasSizeLessThanOrEqualTo(5);
    assertThat(tags)
        .allMatch(t -> t.getName().toString().equals(t.getName().toString().toLowerCase()));
  }

  @Test
  void limitsAreConfigurable() {
    PaperTagger small = PaperTagger.withDefaultTaxonomy(TaggerConfig.DEFAULT.withLimits(1, 2));
    // Phrases that are no topics: every keyphrase that names a topic ("binding affinity" is an
    // alias of drug discovery) becomes that topic and would leave the keyphrase list short.
    List<Tag> tags =
        small.tag(
            "Graph neural networks for drug discovery",
            "Graph neural networks rank candidate molecules by docking energy, solvent exposure and ring strain.");
    assertThat(tags.stream().filter(t -> t.getKind() == TagKind.TOPIC)).hasSize(1);
    assertThat(tags.stream().filter(t -> t.getKind() == TagKind.KEYPHRASE)).hasSize(2);
  }

  @Test
  void sameTextAlwaysYieldsSameTags() throws Exception {
    PaperTagger other = PaperTagger.withDefaultTaxonomy();
    for (SamplePapers.Paper p : SamplePapers.load()) {
      List<Tag> first = TAGGER.tag(p.title(), p.abstractText());
      assertThat(TAGGER.tag(p.title(), p.abstractText())).isEqualTo(first);
      assertThat(other.tag(p.title(), p.abstractText())).isEqualTo(first);
    }
  }

  @Test
  void emptyAndNullTextGiveNoTags() {
    assertThat(TAGGER.tag("", "")).isEmpty();
    assertThat(TAGGER.tag(null, null)).isEmpty();
  }

  @Test
  void versionNamesTaxonomyAndExtractor() {
    assertThat(TAGGER.version()).isEqualTo("taxonomy-2026.11-1/keyphrase-6");
  }

  @Test
  void aKeyphraseThatNamesATopicBecomesThatTopic() {
    List<Tag> tags =
        TAGGER.tag(
            "Serving a large language model on small GPUs",
            "A large language model is served from a KV cache split across small GPUs with paged attention.");
    List<String> keyphrases =
        tags.stream()
            .filter(t -> t.getKind() == TagKind.KEYPHRASE)
            .map(t -> t.getName().toString())
            .toList();
    assertThat(
            topics(
                "Serving a large language model on small GPUs",
                "A large language model is served from a KV cache split across small GPUs with paged attention."))
        .contains("large language models");
    assertThat(keyphrases).isNotEmpty().doesNotContain("large language model", "kv cache");
  }

  @Test
  void withoutTopicTagsAKeyphraseNamingATopicStaysAKeyphrase() {
    List<Tag> tags =
        PaperTagger.withDefaultTaxonomy(TaggerConfig.DEFAULT.withLimits(0, 5))
            .tag(
                "Graph neural network pooling",
                "Graph neural network pooling layers shrink molecule graphs.");
    assertThat(tags).extracting(t -> t.getName().toString()).contains("graph neural network");
    assertThat(tags).allMatch(t -> t.getKind() == TagKind.KEYPHRASE);
  }

  @Test
  void shippedTaxonomyIsBroad() {
    assertThat(io.paperpulse.tagging.topic.Taxonomy.defaultTaxonomy().entries())
        .hasSizeGreaterThan(400);
  }

  private static double score(List<Tag> tags, String name) {
    return tags.stream()
        .filter(t -> t.getName().toString().equals(name))
        .mapToDouble(Tag::getScore)
        .findFirst()
        .orElse(0);
  }

  private static int indexOfFirst(List<Tag> tags, TagKind kind) {
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).getKind() == kind) {
        return i;
      }
    }
    return -1;
  }
}
