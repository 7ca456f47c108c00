package io.paperpulse.registry.testing;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** One filled-in instance of every record of the paperpulse data contract. */
public final class SamplePapers {

  private SamplePapers() {}

  public static PaperEvent paper() {
    return PaperEvent.newBuilder()
        .setId("2401.06066")
        .setTitle("Mixture of Experts, revisited")
        .setAbstract$("We study sparse models. Ünïcödé survives.")
        .setAuthors(List.of("Ada Lovelace", "Alan Turing"))
        .setAuthorCount(2)
        .setPublishedAt(Instant.parse("2024-01-12T00:00:00Z"))
        .setUpvotes(42)
        .setSource("hf-page")
        .setUrl("https://example.org/papers/2401.06066")
        .setArxivId("2401.06066")
        .setCategories(List.of("cs.CL", "cs.LG"))
        .setIngestedAt(Instant.parse("2024-01-13T08:30:15.123Z"))
        .build();
  }

  public static List<SpecificRecord> everyRecordType() {
    Tag topic = new Tag("language models", TagKind.TOPIC, 0.93);
    Tag phrase = new Tag("mixture of experts", TagKind.KEYPHRASE, 0.5);
    LocalDate monday = LocalDate.of(2024, 1, 8);
    TrendingTag trending = new TrendingTag("language models", TagKind.TOPIC, 7L, 120L, 3.25, 1);
    return List.of(
        paper(),
        new TaggedPaper(paper(), List.of(topic, phrase), "taxonomy-1"),
        topic,
        new TagCountKey("language models", "week", monday),
        new TagCount(
            "language models", TagKind.TOPIC, "week", monday, monday.plusDays(7), 7L, 120L),
        new TrendingKey("week", monday),
        trending,
        new TrendingTags("week", monday, monday.plusDays(7), List.of(trending)));
  }
}
