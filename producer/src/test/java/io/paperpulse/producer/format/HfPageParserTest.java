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
        ParsedInput input = parse("""
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
        assertThat(input.papers()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.event().getTitle()).isEqualTo("A Title Split Over Two Lines");
            assertThat(p.event().getAbstract$()).isEqualTo("An abstract also wrapped.");
            assertThat(p.event().getUpvotes()).isEqualTo(7);
            assertThat(p.event().getPublishedAt()).isEqualTo(Instant.parse("2023-03-03T00:00:00Z"));
        });
    }

    @Test
    void badDateNamesLineAndField() {
        ParsedInput input = parse("""
                Title One

                Abstract.

                  • 1 authors
                ·
                Feb 30, 2024
                """);
        assertThat(input.papers()).isEmpty();
        assertThat(input.errors()).extracting(ParseError::describe)
                .containsExactly("page.txt:1: field 'publishedAt': not a date: 'Feb 30, 2024'");
    }

    @Test
    void metadataWithoutDateLineIsAnError() {
        ParsedInput input = parse("""
                Title One

                Abstract.

                  • 1 authors
                ·
                """);
        assertThat(input.errors()).extracting(ParseError::describe)
                .containsExactly("page.txt:1: field 'publishedAt': missing: no date line after '\u00b7'");
    }

    @Test
    void trailingCardWithoutMetadataIsReported() {
        ParsedInput input = parse("""
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
        assertThat(input.errors()).extracting(ParseError::line).containsExactly(11);
    }
}
