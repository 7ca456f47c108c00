package io.paperpulse.streams.testing;

import io.paperpulse.schema.PaperEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Builds paper events for tests. */
public final class Papers {

  private Papers() {}

  public static PaperEvent paper(
      String id, String title, String abstractText, LocalDate published, int upvotes) {
    return PaperEvent.newBuilder()
        .setId(id)
        .setTitle(title)
        .setAbstract$(abstractText)
        .setAuthors(List.of())
        .setPublishedAt(published.atStartOfDay(ZoneOffset.UTC).toInstant())
        .setUpvotes(upvotes)
        .setSource("jsonl")
        .setCategories(List.of())
        .setIngestedAt(Instant.EPOCH)
        .build();
  }
}
