package io.paperpulse.cli.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of a digest: subject, both bodies, escaping and links. */
class DigestMailTest {

  private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);

  @Test
  void subjectNamesThePeriodAndItsFirstDay() {
    assertThat(new DigestMail(digest("week", List.of())).subject())
        .isEqualTo("paperpulse: trending this week (2024-03-04)");
    assertThat(new DigestMail(digest("day", List.of())).subject())
        .isEqualTo("paperpulse: trending today (2024-03-04)");
    assertThat(new DigestMail(digest("week", List.of("agents", "robotics"))).subject())
        .isEqualTo("paperpulse: trending this week (2024-03-04) · agents, robotics");
  }

  @Test
  void aPeriodAskedForByDateIsNamedByItsDatesNotAsThisWeek() {
    assertThat(new DigestMail(pastDigest("week", MONDAY.plusWeeks(1))).subject())
        .isEqualTo("paperpulse: trending in the week of 2024-03-04");
    assertThat(new DigestMail(pastDigest("month", LocalDate.of(2024, 4, 1))).subject())
        .isEqualTo("paperpulse: trending in March 2024");
    assertThat(new DigestMail(pastDigest("year", LocalDate.of(2025, 1, 1))).subject())
        .isEqualTo("paperpulse: trending in 2024");
    assertThat(new DigestMail(pastDigest("day", MONDAY.plusDays(1))).plainText())
        .startsWith("paperpulse digest: trending on 2024-03-04\nday 2024-03-04\n");
  }

  @Test
  void aPapersTagsAreCutWithTheRestrictedTagsFirst() {
    Digest.Paper paper =
        new Digest.Paper(
            "p",
            "Many tags",
            4,
            "2024-03-05T00:00:00Z",
            null,
            List.of("t1", "t2", "t3", "t4", "t5", "t6", "chosen"));
    Digest digest =
        new Digest(
            "week",
            MONDAY,
            MONDAY.plusWeeks(1),
            true,
            List.of("chosen"),
            List.of(),
            List.of(),
            true,
            List.of(paper),
            true,
            "http://localhost:8080");

    assertThat(new DigestMail(digest).plainText())
        .contains("4 upvotes · 2024-03-05 · chosen, t1, t2, t3, t4 +2");
  }

  @Test
  void bothBodiesHoldTheTagsAlertsAndPapersInOrder() {
    DigestMail mail = new DigestMail(digest("week", List.of()));

    for (String body : List.of(mail.plainText(), mail.html())) {
      // ranking first, then the alerts, then the papers by upvotes
      assertThat(body)
          .containsSubsequence(
              "diffusion models",
              "robot learning",
              "7 papers, score 4.25 (baseline 1.10)",
              "Sampling Faster",
              "Robots that Learn");
      assertThat(body).contains("2024-03-04 to 2024-03-10", "http://api.example:8080");
    }
    assertThat(mail.plainText())
        .contains("https://arxiv.org/abs/2403.00001", "57 upvotes · 2024-03-05");
    assertThat(mail.html())
        .contains("<a href=\"https://arxiv.org/abs/2403.00001\">Sampling Faster</a>");
  }

  @Test
  void htmlEscapesWhatTheApiSaysAndLinksOnlyWebAddresses() {
    Digest.Paper hostile =
        new Digest.Paper(
            "x1",
            "<script>alert('hi')</script> & more",
            3,
            "2024-03-06T00:00:00Z",
            "javascript:alert(1)",
            List.of("a<b"));
    Digest.Paper noUrl =
        new Digest.Paper("x2", "Plain title", 2, "2024-03-07T00:00:00Z", null, List.of());
    Digest digest =
        new Digest(
            "week",
            MONDAY,
            MONDAY.plusWeeks(1),
            true,
            List.of(),
            List.of(new Digest.TrendingTag(1, "a<b", "KEYPHRASE", 2, 5, 1.0)),
            List.of(),
            true,
            List.of(hostile, noUrl),
            true,
            "http://localhost:8080");

    String html = new DigestMail(digest).html();

    assertThat(html).doesNotContain("<script>", "javascript:", "a<b");
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; more", "a&lt;b");
    assertThat(html).contains("<li>Plain title<br>");
    assertThat(new DigestMail(digest).plainText()).contains("<script>alert('hi')</script> & more");
  }

  @Test
  void emptySectionsAndSectionsTheInstanceDoesNotServeAreToldApart() {
    Digest nothing =
        new Digest(
            "month",
            LocalDate.of(2024, 3, 1),
            LocalDate.of(2024, 4, 1),
            true,
            List.of(),
            List.of(),
            List.of(),
            true,
            List.of(),
            false,
            "http://localhost:8080");

    String text = new DigestMail(nothing).plainText();

    assertThat(text).contains("month 2024-03-01 to 2024-03-31", "(none raised in this month)");
    assertThat(text.substring(text.indexOf("TOP PAPERS"))).contains(DigestMail.NOT_SERVED);
    assertThat(new DigestMail(nothing).html())
        .contains("(none raised in this month)", DigestMail.NOT_SERVED);
  }

  private static Digest pastDigest(String granularity, LocalDate end) {
    LocalDate start =
        granularity.equals("month")
            ? LocalDate.of(2024, 3, 1)
            : granularity.equals("year") ? LocalDate.of(2024, 1, 1) : MONDAY;
    return new Digest(
        granularity,
        start,
        end,
        false,
        List.of(),
        List.of(),
        List.of(),
        true,
        List.of(),
        true,
        "http://localhost:8080");
  }

  private static Digest digest(String granularity, List<String> onlyTags) {
    LocalDate end = granularity.equals("day") ? MONDAY.plusDays(1) : MONDAY.plusWeeks(1);
    return new Digest(
        granularity,
        MONDAY,
        end,
        true,
        onlyTags,
        List.of(
            new Digest.TrendingTag(1, "diffusion models", "TOPIC", 9, 120, 5.5),
            new Digest.TrendingTag(2, "robot learning", "TOPIC", 7, 40, 4.25)),
        List.of(new Digest.Alert("robot learning", "TOPIC", 7, 40, 1.1, 4.25)),
        true,
        List.of(
            new Digest.Paper(
                "2403.00001",
                "Sampling Faster",
                57,
                "2024-03-05T00:00:00Z",
                "https://arxiv.org/abs/2403.00001",
                List.of("diffusion models")),
            new Digest.Paper(
                "2403.00002",
                "Robots that Learn",
                12,
                "2024-03-06T00:00:00Z",
                "https://arxiv.org/abs/2403.00002",
                List.of("robot learning"))),
        true,
        "http://api.example:8080");
  }
}
