package io.paperpulse.producer.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HfPageParserTest {

  private static ParsedInput parse(String text) {
    return InputReader.read(text, InputFormat.HF_PAGE, Fixtures.context("page.txt"));
  }

  @Test
  void wrappedTitleAndAbstractAreJoined() {
    ParsedInput input =
        parse(
            """
                Daily Papers

                Dec 11

                A Title Split
                Over Two Lines

                An abstract
                also wrapped.

                  • 3 authors
                ·
                Mar 3, 2023 7
                """);
    assertThat(input.errors()).isEmpty();
    assertThat(input.papers())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.event().getTitle()).isEqualTo("A Title Split Over Two Lines");
              assertThat(p.event().getAbstract$()).isEqualTo("An abstract also wrapped.");
              assertThat(p.event().getUpvotes()).isEqualTo(7);
              assertThat(p.event().getPublishedAt())
                  .isEqualTo(Instant.parse("2023-03-03T00:00:00Z"));
            });
  }

  @Test
  void badDateNamesLineAndField() {
    ParsedInput input =
        parse(
            """
                Title One

                Abstract.

                  • 1 authors
                ·
                Feb 30, 2024
                """);
    assertThat(input.papers()).isEmpty();
    assertThat(input.errors())
        .extracting(ParseError::describe)
        .containsExactly("page.txt:1: field 'publishedAt': not a date: 'Feb 30, 2024'");
  }

  @Test
  void metadataWithoutDateLineIsAnError() {
    ParsedInput input =
        parse(
            """
                Title One

                Abstract.

                  • 1 authors
                ·
                """);
    assertThat(input.errors())
        .extracting(ParseError::describe)
        .containsExactly("page.txt:1: field 'publishedAt': missing: no date line after '\u00b7'");
  }

  @Test
  void trailingTitleAndAbstractWithoutMetadataAreSkippedNotErrors() {
    ParsedInput input =
        parse(
            """
                Dec 11

                Title One

                Abstract.

                  • 2 authors
                ·
                Jan 1, 2024

                Lost Card

                Its abstract.
                """);
    assertThat(input.papers()).hasSize(1);
    assertThat(input.errors()).isEmpty();
    assertThat(input.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.line()).isEqualTo(11);
              assertThat(s.reason()).startsWith("card 'Lost Card' has a title and abstract but no");
            });
  }

  @Test
  void organisationCardIsSkippedWhileTheNextCardIsStillRead() {
    ParsedInput input =
        parse(
            """
                Dec 11

                Org Model Report

                Written by a lab.

                Some Lab Some Lab
                ·
                Nov 21 1

                Paper After It

                Its abstract.

                  • 5 authors
                ·
                Nov 22
                """);
    assertThat(input.errors()).isEmpty();
    assertThat(input.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.line()).isEqualTo(3);
              assertThat(s.reason())
                  .isEqualTo(
                      "card 'Org Model Report' names an organisation ('Some Lab Some Lab')"
                          + " instead of '\u2022 N authors': not a paper card of this format");
            });
    assertThat(input.papers())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.event().getTitle()).isEqualTo("Paper After It");
              assertThat(p.event().getAuthorCount()).isEqualTo(5);
              assertThat(p.event().getPublishedAt())
                  .isEqualTo(Instant.parse("2024-11-22T00:00:00Z"));
            });
  }

  @Test
  void cardOfTheDocumentedShapeWithAnUnreadableDateIsStillAnErrorNotSkipped() {
    ParsedInput input =
        parse(
            """
                Dec 11

                Good Paper

                Abstract.

                  • 2 authors
                ·
                Jan 1, 2024

                Paper With Bad Date

                Abstract.

                  • 3 authors
                ·
                Sometime in spring
                """);
    assertThat(input.skipped()).isEmpty();
    assertThat(input.papers()).extracting(p -> p.event().getTitle()).containsExactly("Good Paper");
    assertThat(input.errors())
        .extracting(ParseError::describe)
        .containsExactly("page.txt:11: field 'publishedAt': not a date: 'Sometime in spring'");
  }
}
