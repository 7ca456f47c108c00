package io.paperpulse.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.schema.TagKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserTaxonomyTest {
  @TempDir Path dir;

  private static final String TEXT =
      "We train large language models on stream processing telemetry from Kafka clusters.";

  private static List<String> topics(PaperTagger tagger) {
    return tagger.tag("", TEXT).stream()
        .filter(t -> t.getKind() == TagKind.TOPIC)
        .map(t -> t.getName().toString())
        .toList();
  }

  @Test
  void extendAddsTopicsAndKeepsTheShippedOnes() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("mine.tsv"),
            "@version acme-1\n# ours\napache kafka\tkafka cluster\tKIP\tstream processing\n");
    PaperTagger tagger =
        PaperTagger.withTaxonomyFile(file, TaxonomyMode.EXTEND, TaggerConfig.DEFAULT);
    assertThat(topics(tagger)).contains("apache kafka", "large language models");
    assertThat(tagger.version()).isEqualTo("taxonomy-2026.11-1+acme-1/keyphrase-6");
  }

  @Test
  void extendReplacesAnEntryWithTheSameName() throws Exception {
    Path file = Files.writeString(dir.resolve("mine.tsv"), "large language models\ttelemetry\n");
    PaperTagger tagger =
        PaperTagger.withTaxonomyFile(file, TaxonomyMode.EXTEND, TaggerConfig.DEFAULT);
    assertThat(tagger.tag("", "We study LLMs."))
        .noneMatch(t -> t.getName().toString().equals("large language models"));
    assertThat(topics(tagger)).contains("large language models");
  }

  @Test
  void replaceUsesOnlyTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("only.tsv"), "apache kafka\tkafka cluster\n");
    PaperTagger tagger =
        PaperTagger.withTaxonomyFile(file, TaxonomyMode.REPLACE, TaggerConfig.DEFAULT);
    assertThat(topics(tagger)).containsExactly("apache kafka");
    assertThat(tagger.version()).isEqualTo("user-only.tsv/keyphrase-6");
  }

  @Test
  void invalidFileNamesLineAndProblem() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.tsv"), "ok topic\n\tno name\nok topic\n");
    assertThatThrownBy(
            () -> PaperTagger.withTaxonomyFile(file, TaxonomyMode.REPLACE, TaggerConfig.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.tsv:2: empty topic name")
        .hasMessageContaining("bad.tsv:3: topic 'ok topic' already defined on line 1");
  }

  @Test
  void unknownParentIsRejected() throws Exception {
    Path file = Files.writeString(dir.resolve("orphan.tsv"), "child\t\t\tno such parent\n");
    assertThatThrownBy(
            () -> PaperTagger.withTaxonomyFile(file, TaxonomyMode.REPLACE, TaggerConfig.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown parent 'no such parent'");
  }
}
