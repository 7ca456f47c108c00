package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperpulse.cli.digest.DigestCommand;
import io.paperpulse.streams.api.StreamsNode;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.AppWait;
import io.paperpulse.tagging.PaperTagger;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code paperpulse digest} end to end: a real streams application with its HTTP API on the in-JVM
 * local cluster, fed by {@code generate} with a burst so that its latest weeks have alerts, and a
 * real SMTP server (GreenMail) in this JVM. What a mail must hold is read from the API by the test
 * itself, then compared with the parsed mail.
 */
class DigestDeliveryTest extends LocalClusterTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String BURST = "quantum error correction";

  /** The first week of the burst; the generated papers end with its second week, the latest one. */
  private static final String BURST_WEEK = "2024-03-04";

  /** A row of the plain-text tag table: rank, tag, papers, score. */
  private static final Pattern TEXT_ROW =
      Pattern.compile("^\\s*(\\d+) {2}(.+?)\\s+(\\d+)\\s+(\\d+\\.\\d\\d)$");

  private static final Pattern HTML_ROW = Pattern.compile("<tr>(.*?)</tr>");
  private static final Pattern HTML_CELL = Pattern.compile("<td[^>]*>(.*?)</td>");
  private static final Pattern HTML_LINK = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>");

  private static StreamsNode node;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private GreenMail smtp;

  @BeforeAll
  static void startStreamsAndPublishPapers() throws Exception {
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            cluster.bootstrapServers(),
            cluster.schemaRegistryUrl(),
            workDir.resolve("digest-state"),
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "paperpulse-digest",
                PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG,
                "digest.",
                PaperPulseStreamsConfig.GRANULARITIES_CONFIG,
                List.of(Granularity.WEEK)));
    node =
        StreamsNode.start(
            config, PaperTagger.withDefaultTaxonomy(), StreamsNode.HttpSettings.of(0, "127.0.0.1"));
    CliRun generate =
        CliRun.run(
            connection(),
            "generate",
            "--topic-prefix",
            "digest.",
            "--count",
            "900",
            "--seed",
            "11",
            "--from",
            "2024-01-01",
            "--to",
            "2024-03-17",
            "--update-share",
            "0",
            "--delete-share",
            "0",
            "--burst",
            BURST + ":" + BURST_WEEK + ":2024-03-17:0.3");
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    AppWait.caughtUp(node.app(), TIMEOUT);
  }

  @AfterAll
  static void stopStreams() {
    if (node != null) {
      node.close();
    }
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void theLatestWeeksTagsAlertsAndPapersArriveAsHtmlWithAPlainTextPart() throws Exception {
    smtp = startSmtp(0, null);
    JsonNode trending = api("/api/trending", "granularity", "week", "limit", "10");
    String week = trending.get("bucketStart").asText();
    JsonNode papers = api("/api/papers", "granularity", "week", "bucket", week, "limit", "10");
    JsonNode alerts = api("/api/alerts", "granularity", "week", "bucket", week, "limit", "10");
    List<String> expectedTags = names(trending.get("tags"), "tag");
    List<String> expectedAlerts = names(alerts.get("alerts"), "tag");
    assertThat(expectedTags)
        .as("the latest week's ranking")
        .hasSizeGreaterThanOrEqualTo(5)
        .contains(BURST);
    assertThat(expectedAlerts).as("alerts of the latest week, a burst week").contains(BURST);
    assertThat(papers.get("papers").size()).as("the latest week's top papers").isEqualTo(10);

    CliRun run =
        CliRun.run(
            digest(
                node.url(),
                smtpPort(),
                "alice@example.org,bob@example.org",
                "--from",
                "digest@paperpulse.test"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            "digest: sent \"paperpulse: trending this week ("
                + week
                + ")\" to "
                + "alice@example.org, bob@example.org (10 tags, "
                + expectedAlerts.size()
                + " alert");
    MimeMessage[] received = smtp.getReceivedMessages();
    // GreenMail keeps one copy per mailbox: one SMTP transaction to two recipients
    assertThat(received).hasSize(2);
    for (MimeMessage message : received) {
      assertThat(message.getSubject()).isEqualTo("paperpulse: trending this week (" + week + ")");
      assertThat(message.getFrom()).containsExactly(new InternetAddress("digest@paperpulse.test"));
      assertThat(message.getRecipients(Message.RecipientType.TO))
          .containsExactly(
              new InternetAddress("alice@example.org"), new InternetAddress("bob@example.org"));
      Bodies bodies = bodies(message);

      assertThat(textTags(bodies.text())).isEqualTo(expectedTags);
      assertThat(htmlTags(bodies.html())).isEqualTo(expectedTags);
      assertThat(
              section(bodies.text(), "ALERTS", "TOP PAPERS")
                  .lines()
                  .map(String::strip)
                  .filter(line -> !line.isEmpty())
                  .map(line -> line.substring(0, line.lastIndexOf(": ")))
                  .toList())
          .isEqualTo(expectedAlerts);
      Map<String, String> links = htmlLinks(bodies.html());
      assertThat(links.keySet())
          .as("linked titles, in the API's order")
          .containsExactlyElementsOf(names(papers.get("papers"), "title"));
      for (JsonNode paper : papers.get("papers")) {
        assertThat(links).containsEntry(paper.get("title").asText(), paper.get("url").asText());
        assertThat(bodies.text()).contains(paper.get("title").asText(), paper.get("url").asText());
      }
    }
  }

  @Test
  void restrictedToTagsTheMailHoldsOnlyTheirEntriesAlertsAndPapers() throws Exception {
    smtp = startSmtp(0, null);
    JsonNode ranking =
        api("/api/trending", "granularity", "week", "bucket", BURST_WEEK, "limit", "100");
    List<String> ranked = names(ranking.get("tags"), "tag");
    assertThat(ranked).contains(BURST).hasSizeGreaterThanOrEqualTo(4);
    String other =
        ranked.stream().filter(tag -> !tag.equals(BURST)).skip(2).findFirst().orElseThrow();
    String left =
        ranked.stream()
            .filter(tag -> !tag.equals(BURST) && !tag.equals(other))
            .findFirst()
            .orElseThrow();
    Set<String> chosen = Set.of(BURST, other);
    List<String> expectedTags = ranked.stream().filter(chosen::contains).toList();
    List<JsonNode> candidates = new ArrayList<>();
    for (String tag : List.of(BURST, other)) {
      api("/api/papers", "granularity", "week", "bucket", BURST_WEEK, "tag", tag, "limit", "6")
          .get("papers")
          .forEach(candidates::add);
    }
    List<String> expectedTitles =
        candidates.stream()
            .collect(
                LinkedHashMap<String, JsonNode>::new,
                (byId, paper) -> byId.putIfAbsent(paper.get("id").asText(), paper),
                Map::putAll)
            .values()
            .stream()
            .sorted(
                Comparator.comparingLong((JsonNode paper) -> paper.get("upvotes").asLong())
                    .reversed()
                    .thenComparing(
                        paper -> Instant.parse(paper.get("publishedAt").asText()),
                        Comparator.reverseOrder())
                    .thenComparing(paper -> paper.get("id").asText()))
            .limit(6)
            .map(paper -> paper.get("title").asText())
            .toList();

    // any day of the week names it
    CliRun run =
        CliRun.run(
            digest(
                node.url(),
                smtpPort(),
                "carol@example.org",
                "--bucket",
                "2024-03-06",
                "--tags",
                BURST + "," + other,
                "--papers",
                "6"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject())
        .isEqualTo(
            "paperpulse: trending in the week of " + BURST_WEEK + " · " + BURST + ", " + other);
    Bodies bodies = bodies(received[0]);
    assertThat(textTags(bodies.text())).isEqualTo(expectedTags);
    assertThat(htmlTags(bodies.html())).isEqualTo(expectedTags).doesNotContain(left);
    assertThat(section(bodies.text(), "ALERTS", "TOP PAPERS"))
        .contains(BURST + ": ")
        .doesNotContain(left + ": ");
    assertThat(htmlLinks(bodies.html()).keySet()).containsExactlyElementsOf(expectedTitles);
    // every listed paper names one of the chosen tags on its details line
    String papers = section(bodies.text(), "TOP PAPERS", "-- ");
    assertThat(papers.lines().filter(line -> line.contains(" upvote")).toList())
        .hasSize(expectedTitles.size())
        .allSatisfy(line -> assertThat(line).containsAnyOf(BURST, other));
  }

  @Test
  void anSmtpServerThatComesUpLateGetsTheMailAfterRetries() throws Exception {
    int port = freePort();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        PaperPulse.commandLine(
            Map.of(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    digest(
                        node.url(),
                        port,
                        "dave@example.org",
                        "--send-attempts",
                        "8",
                        "--retry-delay",
                        "300ms")));
    awaitText(err, "attempt 1 of 8 at sending failed", exit);

    smtp = startSmtp(port, null);

    assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(err.toString())
        .contains("retrying in 300 ms", "digest: sent \"paperpulse: trending this week");
  }

  @Test
  void anSmtpServerThatNeverAnswersEndsInExitOneWithTheReason() {
    int port = freePort();

    CliRun run =
        CliRun.run(
            digest(
                node.url(),
                port,
                "erin@example.org",
                "--send-attempts",
                "3",
                "--retry-delay",
                "100ms"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err())
        .contains("attempt 1 of 3 at sending failed", "attempt 2 of 3 at sending failed")
        .doesNotContain("attempt 3 of 3");
    String last = run.err().strip().lines().reduce((first, second) -> second).orElseThrow();
    assertThat(last)
        .startsWith("digest: could not send \"paperpulse: trending this week (")
        .contains("to erin@example.org after 3 attempts", "127.0.0.1:" + port);
  }

  @Test
  void credentialsAreSentAndWrongOnesAreReportedWithoutRetrying() throws Exception {
    smtp =
        startSmtp(
            0,
            GreenMailConfiguration.aConfig()
                .withUser("digest@paperpulse.test", "digest", "s3cret"));
    String[] args =
        digest(
            node.url(),
            smtpPort(),
            "frank@example.org",
            "--smtp-user",
            "digest",
            "--send-attempts",
            "3",
            "--retry-delay",
            "100ms");

    CliRun refused = CliRun.run(Map.of("PAPERPULSE_SMTP_PASSWORD", "wrong"), args);
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(refused.err())
        .contains("rejected the credentials")
        .doesNotContain("retrying", "wrong");
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // the password comes from the environment, as every option's value may
    CliRun accepted = CliRun.run(Map.of("PAPERPULSE_SMTP_PASSWORD", "s3cret"), args);
    assertThat(accepted.exitCode()).as(accepted.err()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void starttlsIsRequiredOnceAskedFor() {
    // GreenMail's SMTP does not offer STARTTLS: the digest must not fall back to a clear connection
    smtp = startSmtp(0, null);

    CliRun run = CliRun.run(digest(node.url(), smtpPort(), "grace@example.org", "--starttls"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("STARTTLS", "(STARTTLS)").doesNotContain("retrying");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void everyRepeatsUntilStoppedThenExitsZeroWithOneSummaryLine() throws Exception {
    smtp = startSmtp(0, null);
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        PaperPulse.commandLine(
            Map.of(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    digest(node.url(), smtpPort(), "heidi@example.org", "--every", "1s")));
    assertThat(smtp.waitForIncomingEmail(30_000, 2)).as(err.toString()).isTrue();
    // the server has a mail a moment before the command has heard back; stop between rounds, not
    // inside one
    awaitText(err, "digest: sent", exit);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                err.toString().split("digest: sent", -1).length - 1
                    >= smtp.getReceivedMessages().length);

    DigestCommand command = commandLine.getSubcommands().get("digest").getCommand();
    long start = System.nanoTime();
    command.stopAndAwait();
    int code = exit.get(10, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(code).as(err.toString()).isZero();
    assertThat(took).isLessThan(Duration.ofSeconds(2));
    int received = smtp.getReceivedMessages().length;
    assertThat(err.toString().lines().filter(line -> line.startsWith("digest: stopped")).toList())
        .containsExactly("digest: stopped after " + received + " digests sent");
    assertThat(err.toString().lines().filter(line -> line.startsWith("digest: sent")))
        .hasSize(received);
  }

  @Test
  void anUnreachableApiIsRetriedThenReported() {
    smtp = startSmtp(0, null);
    String url = "http://127.0.0.1:" + freePort();

    CliRun run =
        CliRun.run(
            digest(
                url,
                smtpPort(),
                "ivan@example.org",
                "--send-attempts",
                "2",
                "--retry-delay",
                "100ms"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err())
        .contains(
            "attempt 1 of 2 at reading " + url + " failed",
            "digest: could not read the digest from " + url + " after 2 attempts: cannot reach");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aWeekWithoutPapersSendsNothingAndSaysSo() {
    smtp = startSmtp(0, null);

    CliRun run =
        CliRun.run(digest(node.url(), smtpPort(), "judy@example.org", "--bucket", "2019-06-05"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err())
        .contains(
            "digest: no mail sent: "
                + node.url()
                + " has no trending tags in the week of 2019-06-05");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  /** The two alternatives of a digest, checked to be the MIME structure mail readers expect. */
  private record Bodies(String text, String html) {}

  private static Bodies bodies(MimeMessage message) throws Exception {
    assertThat(message.isMimeType("multipart/alternative")).as(message.getContentType()).isTrue();
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.isMimeType("text/plain")).as(text.getContentType()).isTrue();
    assertThat(html.isMimeType("text/html")).as(html.getContentType()).isTrue();
    assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
    return new Bodies(
        ((String) text.getContent()).replace("\r\n", "\n"), (String) html.getContent());
  }

  /** Tag names of the plain-text ranking table, in the order shown. */
  private static List<String> textTags(String text) {
    List<String> tags = new ArrayList<>();
    for (String line : section(text, "TRENDING TAGS", "ALERTS").lines().toList()) {
      Matcher row = TEXT_ROW.matcher(line);
      if (row.matches()) {
        tags.add(row.group(2).strip());
      }
    }
    return tags;
  }

  /** Tag names of the HTML ranking table (second cell of each row), unescaped. */
  private static List<String> htmlTags(String html) {
    List<String> tags = new ArrayList<>();
    Matcher rows = HTML_ROW.matcher(html);
    while (rows.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = HTML_CELL.matcher(rows.group(1));
      while (cell.find()) {
        cells.add(unescape(cell.group(1)));
      }
      if (!cells.isEmpty()) {
        tags.add(cells.get(1));
      }
    }
    return tags;
  }

  /** Linked title to address, in the order of the mail. */
  private static Map<String, String> htmlLinks(String html) {
    Map<String, String> links = new LinkedHashMap<>();
    Matcher link = HTML_LINK.matcher(html);
    while (link.find()) {
      links.put(unescape(link.group(2)), unescape(link.group(1)));
    }
    return links;
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String section(String text, String from, String to) {
    int start = text.indexOf(from);
    int end = text.indexOf(to, start);
    assertThat(start).as("section %s in%n%s", from, text).isNotNegative();
    assertThat(end).as("end of section %s in%n%s", from, text).isPositive();
    return text.substring(start + from.length(), end);
  }

  private static List<String> names(JsonNode entries, String field) {
    List<String> names = new ArrayList<>();
    entries.forEach(entry -> names.add(entry.get(field).asText()));
    return names;
  }

  /** The API's answer, waiting out 503s; the test fails on anything but 200. */
  private static JsonNode api(String path, String... query) throws Exception {
    StringBuilder uri = new StringBuilder(node.url()).append(path);
    for (int i = 0; i < query.length; i += 2) {
      uri.append(i == 0 ? '?' : '&')
          .append(query[i])
          .append('=')
          .append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    HttpResponse<String> response =
        await("GET " + uri + " settled")
            .atMost(TIMEOUT)
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(500))
            .pollInSameThread()
            .until(
                () ->
                    HTTP.send(
                        HttpRequest.newBuilder(URI.create(uri.toString())).build(),
                        HttpResponse.BodyHandlers.ofString()),
                answer -> answer.statusCode() != 503);
    assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private GreenMail startSmtp(int port, GreenMailConfiguration configuration) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    if (configuration != null) {
      server.withConfiguration(configuration);
    }
    server.start();
    return server;
  }

  /** The digest command sending {@code url}'s digest through the local SMTP port to {@code to}. */
  private static String[] digest(String url, int smtpPort, String to, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "digest",
                "--url",
                url,
                "--smtp-host",
                "127.0.0.1",
                "--smtp-port",
                Integer.toString(smtpPort),
                "--to",
                to));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private int smtpPort() {
    return smtp.getSmtp().getPort();
  }

  /** A port nothing listens on (free a moment ago). */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitText(StringWriter err, String text, CompletableFuture<Integer> command) {
    await("'" + text + "' in the output")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              if (err.toString().contains(text)) {
                return true;
              }
              assertThat(command)
                  .as("command still running; its output so far: %s", err)
                  .isNotDone();
              return false;
            });
  }
}
