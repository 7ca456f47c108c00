package io.paperpulse.cli.digest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The words of a digest mail: its subject, a plain-text body and an HTML body with the same content
 * (mail readers show one of the two). Everything from the API is escaped in the HTML, and only
 * http(s) addresses become links, so a paper's title or URL cannot inject markup or scripts into
 * the mail.
 */
final class DigestMail {

  /** Said of a section whose endpoint the instance does not have (an older version). */
  static final String NOT_SERVED =
      "(not available: the paperpulse instance is too old to serve them)";

  /** Tags shown with each paper; taggers give up to a dozen, most of them keyphrases. */
  private static final int TAGS_PER_PAPER = 5;

  private final Digest digest;

  DigestMail(Digest digest) {
    this.digest = digest;
  }

  /**
   * e.g. {@code paperpulse: trending this week (2024-03-04)} for the latest week, or {@code
   * paperpulse: trending in the week of 2024-03-04} for one asked for.
   */
  String subject() {
    String subject =
        "paperpulse: trending "
            + period()
            + (digest.latest() ? " (" + digest.bucketStart() + ")" : "");
    return digest.onlyTags().isEmpty()
        ? subject
        : subject + " · " + String.join(", ", digest.onlyTags());
  }

  String plainText() {
    StringBuilder text = new StringBuilder();
    text.append("paperpulse digest: trending ").append(period()).append('\n');
    text.append(granularity()).append(' ').append(range()).append('\n');
    if (!digest.onlyTags().isEmpty()) {
      text.append("Only the tags ").append(String.join(", ", digest.onlyTags())).append('\n');
    }

    text.append("\nTRENDING TAGS\n");
    if (digest.tags().isEmpty()) {
      text.append("  (none)\n");
    } else {
      text.append(
          String.format(Locale.ROOT, "%4s  %-44s %7s %8s%n", "rank", "tag", "papers", "score"));
      for (Digest.TrendingTag tag : digest.tags()) {
        text.append(
            String.format(
                Locale.ROOT,
                "%4d  %-44s %7d %8.2f%n",
                tag.rank(),
                tag.tag(),
                tag.paperCount(),
                tag.score()));
      }
    }

    text.append("\nALERTS\n");
    if (!digest.alertsServed()) {
      text.append("  ").append(NOT_SERVED).append('\n');
    } else if (digest.alerts().isEmpty()) {
      text.append("  (none raised in this ").append(granularity()).append(")\n");
    }
    for (Digest.Alert alert : digest.alerts()) {
      text.append("  ").append(alert.tag()).append(": ").append(alertLine(alert)).append('\n');
    }

    text.append("\nTOP PAPERS\n");
    if (!digest.papersServed()) {
      text.append("  ").append(NOT_SERVED).append('\n');
    } else if (digest.papers().isEmpty()) {
      text.append("  (none)\n");
    }
    int position = 1;
    for (Digest.Paper paper : digest.papers()) {
      text.append(String.format(Locale.ROOT, "%4d. %s%n", position++, paper.title()));
      text.append("      ").append(paperDetails(paper)).append('\n');
      if (paper.url() != null) {
        text.append("      ").append(paper.url()).append('\n');
      }
    }

    text.append("\n-- \nSent by paperpulse digest from ").append(digest.source()).append('\n');
    return text.toString();
  }

  String html() {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(escape(subject()))
        .append(
            "</title></head>\n<body style=\"font-family:sans-serif;color:#222;max-width:720px\">\n");
    html.append("<h1 style=\"font-size:20px\">Trending ")
        .append(escape(period()))
        .append("</h1>\n");
    html.append("<p>").append(escape(granularity())).append(' ').append(escape(range()));
    if (!digest.onlyTags().isEmpty()) {
      html.append("<br>Only the tags ").append(escape(String.join(", ", digest.onlyTags())));
    }
    html.append("</p>\n");

    html.append("<h2 style=\"font-size:16px\">Trending tags</h2>\n");
    if (digest.tags().isEmpty()) {
      html.append("<p>(none)</p>\n");
    } else {
      html.append("<table style=\"border-collapse:collapse\">\n<tr>");
      for (String heading : new String[] {"rank", "tag", "papers", "score"}) {
        html.append("<th style=\"text-align:left;padding:2px 10px;border-bottom:1px solid #999\">")
            .append(heading)
            .append("</th>");
      }
      html.append("</tr>\n");
      for (Digest.TrendingTag tag : digest.tags()) {
        html.append("<tr>")
            .append(cell(Integer.toString(tag.rank())))
            .append(cell(tag.tag()))
            .append(cell(Long.toString(tag.paperCount())))
            .append(cell(String.format(Locale.ROOT, "%.2f", tag.score())))
            .append("</tr>\n");
      }
      html.append("</table>\n");
    }

    html.append("<h2 style=\"font-size:16px\">Alerts</h2>\n");
    if (!digest.alertsServed()) {
      html.append("<p>").append(NOT_SERVED).append("</p>\n");
    } else if (digest.alerts().isEmpty()) {
      html.append("<p>(none raised in this ").append(escape(granularity())).append(")</p>\n");
    } else {
      html.append("<ul>\n");
      for (Digest.Alert alert : digest.alerts()) {
        html.append("<li><b>")
            .append(escape(alert.tag()))
            .append("</b>: ")
            .append(escape(alertLine(alert)))
            .append("</li>\n");
      }
      html.append("</ul>\n");
    }

    html.append("<h2 style=\"font-size:16px\">Top papers</h2>\n");
    if (!digest.papersServed()) {
      html.append("<p>").append(NOT_SERVED).append("</p>\n");
    } else if (digest.papers().isEmpty()) {
      html.append("<p>(none)</p>\n");
    } else {
      html.append("<ol>\n");
      for (Digest.Paper paper : digest.papers()) {
        html.append("<li>");
        if (isWebLink(paper.url())) {
          html.append("<a href=\"")
              .append(escape(paper.url()))
              .append("\">")
              .append(escape(paper.title()))
              .append("</a>");
        } else {
          html.append(escape(paper.title()));
        }
        html.append("<br><small>").append(escape(paperDetails(paper))).append("</small></li>\n");
      }
      html.append("</ol>\n");
    }

    html.append("<p style=\"color:#777;font-size:12px\">Sent by paperpulse digest from ")
        .append(escape(digest.source()))
        .append("</p>\n</body></html>\n");
    return html.toString();
  }

  /** "this week" for the latest bucket; a past one asked for by date is named by its dates. */
  private String period() {
    LocalDate start = digest.bucketStart();
    if (digest.latest()) {
      return digest.granularity().equals("day") ? "today" : "this " + digest.granularity();
    }
    return switch (digest.granularity()) {
      case "day" -> "on " + start;
      case "month" ->
          "in "
              + start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
              + " "
              + start.getYear();
      case "year" -> "in " + start.getYear();
      default -> "in the " + digest.granularity() + " of " + start;
    };
  }

  private String granularity() {
    return digest.granularity();
  }

  /** The bucket's days, the end shown inclusive as people read a period. */
  private String range() {
    LocalDate last = digest.bucketEnd().minusDays(1);
    return last.equals(digest.bucketStart())
        ? digest.bucketStart().toString()
        : digest.bucketStart() + " to " + last;
  }

  private static String alertLine(Digest.Alert alert) {
    return String.format(
        Locale.ROOT,
        "%d %s, score %.2f (baseline %.2f)",
        alert.paperCount(),
        alert.paperCount() == 1 ? "paper" : "papers",
        alert.score(),
        alert.baseline());
  }

  /**
   * Upvotes, day and the paper's first few tags; the tags the digest is restricted to come first,
   * so the reader sees why the paper is there.
   */
  private String paperDetails(Digest.Paper paper) {
    StringBuilder details = new StringBuilder();
    details.append(paper.upvotes()).append(paper.upvotes() == 1 ? " upvote" : " upvotes");
    if (paper.publishedAt().length() >= 10) {
      details.append(" · ").append(paper.publishedAt(), 0, 10);
    }
    List<String> tags = new ArrayList<>(paper.tags());
    tags.sort(Comparator.comparing((String tag) -> !digest.onlyTags().contains(tag)));
    if (!tags.isEmpty()) {
      details
          .append(" · ")
          .append(String.join(", ", tags.subList(0, Math.min(TAGS_PER_PAPER, tags.size()))));
      if (tags.size() > TAGS_PER_PAPER) {
        details.append(" +").append(tags.size() - TAGS_PER_PAPER);
      }
    }
    return details.toString();
  }

  private static String cell(String text) {
    return "<td style=\"padding:2px 10px\">" + escape(text) + "</td>";
  }

  private static boolean isWebLink(String url) {
    if (url == null) {
      return false;
    }
    try {
      String scheme = URI.create(url).getScheme();
      return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
