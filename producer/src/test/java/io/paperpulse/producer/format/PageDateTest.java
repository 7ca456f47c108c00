package io.paperpulse.producer.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PageDateTest {

  private static final LocalDate AS_OF = LocalDate.of(2024, 12, 11);

  @Test
  void fullDateWithoutUpvotes() {
    assertThat(PageDate.parse("Jan 12, 2024", AS_OF))
        .contains(new PageDate(LocalDate.of(2024, 1, 12), 0));
  }

  @Test
  void upvotesSeparatedBySpaceOrGluedToTheYear() {
    assertThat(PageDate.parse("Dec 9, 2024 2", AS_OF))
        .contains(new PageDate(LocalDate.of(2024, 12, 9), 2));
    assertThat(PageDate.parse("Jan 8, 202448", AS_OF))
        .contains(new PageDate(LocalDate.of(2024, 1, 8), 48));
    assertThat(PageDate.parse("Jul 11 5", AS_OF))
        .contains(new PageDate(LocalDate.of(2024, 7, 11), 5));
  }

  @Test
  void yearlessDateIsTheLatestNotAfterAsOf() {
    assertThat(PageDate.parse("Dec 11", AS_OF))
        .contains(new PageDate(LocalDate.of(2024, 12, 11), 0));
    assertThat(PageDate.parse("Dec 12", AS_OF))
        .contains(new PageDate(LocalDate.of(2023, 12, 12), 0));
    assertThat(PageDate.parse("Feb 29", AS_OF))
        .contains(new PageDate(LocalDate.of(2024, 2, 29), 0));
    assertThat(PageDate.parse("Feb 29", LocalDate.of(2027, 1, 1)))
        .contains(new PageDate(LocalDate.of(2024, 2, 29), 0));
  }

  @Test
  void impossibleOrMalformedDatesAreRejected() {
    assertThat(PageDate.parse("Feb 30, 2024", AS_OF)).isEmpty();
    assertThat(PageDate.parse("Sep 31", AS_OF)).isEmpty();
    assertThat(PageDate.parse("yesterday", AS_OF)).isEmpty();
    assertThat(PageDate.parse("Jan 8, 24", AS_OF)).isEmpty();
  }
}
