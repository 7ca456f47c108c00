package io.paperpulse.producer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParseResult;
import io.paperpulse.producer.format.ParsedInput;
import io.paperpulse.schema.PaperEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BundledSampleTest {

  private static ParsedInput sample;
  private static Map<String, PaperEvent> byTitle;

  @BeforeAll
  static void parseSample() throws IOException {
    String text;
    try (InputStream in = BundledSample.open()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    sample =
        InputReader.read(
            text,
            InputFormat.AUTO,
            new ParseContext(
                BundledSample.NAME, BundledSample.asOf(), Instant.parse("2024-12-11T09:00:00Z")));
    byTitle =
        sample.papers().stream()
            .map(ParseResult.Paper::event)
            .collect(Collectors.toMap(PaperEvent::getTitle, Function.identity()));
  }

  @Test
  void isDetectedAsAPageDump() {
    assertThat(sample.format()).isEqualTo(InputFormat.HF_PAGE);
  }

  @Test
  void yieldsTheFortyEightDocumentedPaperCardsAndNoErrors() {
    assertThat(sample.errors()).isEmpty();
    assertThat(sample.papers()).hasSize(48);
    assertThat(sample.papers())
        .extracting(p -> p.event().getId())
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("t:"));
    assertThat(sample.papers())
        .allSatisfy(p -> assertThat(p.event().getAuthorCount()).isPositive());
  }

  @Test
  void reportsTheTwoBlocksThatAreNotPaperCardsAtTheirFirstLine() {
    assertThat(sample.skipped()).extracting(ParseResult.Skipped::line).containsExactly(197, 293);
    assertThat(sample.skipped().get(0).reason())
        .startsWith("card 'Training Foundation Models on a Full-Stack AMD Platform")
        .contains("names an organisation ('Zyphra Zyphra') instead of '\u2022 N authors'");
    assertThat(sample.skipped().get(1).describe(BundledSample.NAME))
        .startsWith("daily-papers.txt:293: card 'Streaming DiLoCo")
        .contains("no '\u2022 N authors \u00b7 date' block");
  }

  @Test
  void everyCardOfTheDumpIsEitherAPaperOrASkippedBlock() throws IOException {
    String text;
    try (InputStream in = BundledSample.open()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long authorLines = text.lines().filter(l -> l.trim().matches("\u2022 \\d+ authors?")).count();
    assertThat(sample.papers()).hasSize((int) authorLines);
    assertThat(sample.results()).hasSize(sample.papers().size() + sample.skipped().size());
  }

  @Test
  void firstPaperHasTitleAbstractAuthorCountAndFullDate() {
    ParseResult.Paper first = sample.papers().get(0);
    PaperEvent e = first.event();
    assertThat(first.line()).isEqualTo(13);
    assertThat(e.getTitle())
        .isEqualTo(
            "Towards High-Quality and Efficient Speech Bandwidth Extension with Parallel Amplitude and Phase Prediction");
    assertThat(e.getAbstract$())
        .startsWith("Speech bandwidth extension (BWE) refers to widening")
        .doesNotContain("\n");
    assertThat(e.getAuthorCount()).isEqualTo(4);
    assertThat(e.getAuthors()).isEmpty();
    assertThat(e.getPublishedAt()).isEqualTo(day(2024, 1, 12));
    assertThat(e.getUpvotes()).isZero();
    assertThat(e.getSource()).isEqualTo("hf-page");
  }

  @Test
  void yearlessDatesResolveToTheLatestDayNotAfterTheCaptureDate() {
    assertThat(
            paper(
                    "BOLT: Bandwidth-Optimized Lightning-Fast Oblivious Map powered by Secure HBM Accelerators")
                .getPublishedAt())
        .isEqualTo(day(2024, 9, 1));
    assertThat(
            paper(
                    "Scaling Large Language Model Training on Frontier with Low-Bandwidth Partitioning")
                .getPublishedAt())
        .isEqualTo(day(2024, 1, 7));
    assertThat(paper("Serving Large Language Models on Huawei CloudMatrix384"))
        .satisfies(p -> assertThat(p.getPublishedAt()).isEqualTo(day(2024, 6, 14)))
        .satisfies(p -> assertThat(p.getAuthorCount()).isEqualTo(46));
  }

  @Test
  void upvotesFollowTheDateWithOrWithoutYear() {
    assertThat(
            paper("Favicon Trojans: Executable Steganography Via Ico Alpha Channel Exploitation"))
        .satisfies(p -> assertThat(p.getPublishedAt()).isEqualTo(day(2024, 7, 11)))
        .satisfies(p -> assertThat(p.getUpvotes()).isEqualTo(5))
        .satisfies(p -> assertThat(p.getAuthorCount()).isEqualTo(2));
    assertThat(paper("EMOv2: Pushing 5M Vision Model Frontier"))
        .satisfies(p -> assertThat(p.getPublishedAt()).isEqualTo(day(2024, 12, 9)))
        .satisfies(p -> assertThat(p.getUpvotes()).isEqualTo(2))
        .satisfies(p -> assertThat(p.getAuthorCount()).isEqualTo(9));
    assertThat(
            paper(
                "DistServe: Disaggregating Prefill and Decoding for Goodput-optimized Large Language Model Serving"))
        .satisfies(p -> assertThat(p.getPublishedAt()).isEqualTo(day(2024, 1, 17)))
        .satisfies(p -> assertThat(p.getUpvotes()).isEqualTo(1));
    assertThat(
            paper(
                "Deep Gradient Compression: Reducing the Communication Bandwidth for Distributed Training"))
        .satisfies(p -> assertThat(p.getPublishedAt()).isEqualTo(day(2017, 12, 5)))
        .satisfies(p -> assertThat(p.getUpvotes()).isZero());
  }

  @Test
  void organisationCardIsNotPublishedAsAPaper() {
    assertThat(byTitle)
        .doesNotContainKey(
            "Training Foundation Models on a Full-Stack AMD Platform: Compute, Networking, and System Design");
  }

  @Test
  void lastPaperOfTheFileIsRead() {
    PaperEvent last = sample.papers().get(sample.papers().size() - 1).event();
    assertThat(last.getTitle())
        .isEqualTo(
            "FlightLLM: Efficient Large Language Model Inference with a Complete Mapping Flow on FPGAs");
    assertThat(last.getAuthorCount()).isEqualTo(17);
    assertThat(last.getPublishedAt()).isEqualTo(day(2024, 1, 8));
  }

  @Test
  void asOfIsTheCaptureDate() {
    assertThat(BundledSample.asOf()).isEqualTo(LocalDate.of(2024, 12, 11));
  }

  private static PaperEvent paper(String title) {
    assertThat(byTitle).containsKey(title);
    return byTitle.get(title);
  }

  private static Instant day(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
