package io.paperpulse.producer.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.producer.paper.PaperIds;
import io.paperpulse.schema.AuthorAffiliation;
import io.paperpulse.schema.PaperEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuredFormatsTest {

  @Test
  void hfJsonEntriesBecomePapersKeyedByArxivId() {
    ParsedInput input = Fixtures.read("daily-papers.json", InputFormat.HF_JSON);
    assertThat(input.errors()).isEmpty();
    List<PaperEvent> papers = input.papers().stream().map(ParseResult.Paper::event).toList();
    assertThat(papers)
        .extracting(PaperEvent::getId)
        .containsExactly("2401.02954", "2401.04088", "2401.01335");
    PaperEvent first = papers.get(0);
    assertThat(first.getTitle())
        .isEqualTo("DeepSeek LLM: Scaling Open-Source Language Models with Longtermism");
    assertThat(first.getAbstract$())
        .isEqualTo(
            "The rapid development of open-source large language models has been truly remarkable.");
    assertThat(first.getAuthors()).containsExactly("Ada Example", "Bo Sample");
    assertThat(first.getAuthorCount()).isEqualTo(2);
    assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2024-01-05T18:59:43Z"));
    assertThat(first.getUpvotes()).isEqualTo(41);
    assertThat(first.getArxivId()).isEqualTo("2401.02954");
    assertThat(first.getUrl()).isEqualTo("https://huggingface.co/papers/2401.02954");
    assertThat(first.getSource()).isEqualTo("hf-json");
    assertThat(first.getIngestedAt()).isEqualTo(Fixtures.INGESTED_AT);
    assertThat(input.papers()).extracting(ParseResult::line).containsExactly(2, 15, 25);
  }

  @Test
  void hfJsonKeepsWhatTheListingSaysBeyondThePaper() {
    ParsedInput input = Fixtures.read("daily-papers-current.json", InputFormat.HF_JSON);
    assertThat(input.errors()).isEmpty();
    PaperEvent full = input.papers().get(0).event();
    assertThat(full.getId()).isEqualTo("2611.04321");
    assertThat(full.getTitle()).isEqualTo("Sparse Routers Learn to Forget");
    assertThat(full.getPublishedAt()).isEqualTo(Instant.parse("2026-11-04T18:59:58Z"));
    assertThat(full.getFeaturedAt()).isEqualTo(Instant.parse("2026-11-05T01:22:10.311Z"));
    assertThat(full.getListedAt()).isEqualTo(Instant.parse("2026-11-05T01:22:10.311Z"));
    assertThat(full.getCommentCount()).isEqualTo(4);
    assertThat(full.getSubmittedBy()).isEqualTo("kaycurates");
    assertThat(full.getThumbnailUrl())
        .isEqualTo("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.04321.png");
    assertThat(full.getAiSummary())
        .isEqualTo(
            "Routers in sparse mixture-of-experts models drop rarely used experts over training.");
    assertThat(full.getAiKeywords())
        .containsExactly("mixture-of-experts", "router collapse", "expert utilization");
    assertThat(full.getGithubRepo()).isEqualTo("https://github.com/example/sparse-routers");
    assertThat(full.getGithubStars()).isEqualTo(412);
    assertThat(full.getProjectPage()).isEqualTo("https://example.org/sparse-routers");
    assertThat(full.getOrganization()).isEqualTo("example-lab");
    assertThat(full.getUpvotes()).isEqualTo(57);
    PaperEvent bare = input.papers().get(1).event();
    assertThat(bare.getId()).isEqualTo("2611.01234");
    assertThat(bare.getFeaturedAt()).isEqualTo(Instant.parse("2026-11-05T03:00:00Z"));
    assertThat(bare.getCommentCount()).isZero();
    assertThat(bare.getSubmittedBy()).isEqualTo("dee");
    assertThat(bare.getGithubRepo()).isNull();
    assertThat(bare.getGithubStars()).isNull();
    assertThat(bare.getOrganization()).isNull();
    assertThat(bare.getAiKeywords()).isEmpty();
    assertThat(bare.getPrimaryCategory()).isNull();
  }

  @Test
  void anErrorOnTheOneLineOfTheServiceNamesEntryIdAndColumn() {
    String text = Fixtures.text("daily-papers-current-bad.json");
    ParsedInput input = InputReader.read(text, InputFormat.HF_JSON, Fixtures.context("hf.json"));
    assertThat(input.papers()).hasSize(1);
    int column = text.indexOf("\"41\"") + 1;
    assertThat(input.errors())
        .extracting(ParseError::describe)
        .containsExactly(
            "hf.json:1:"
                + column
                + ": entry [1] (id 2611.01234v2): field 'upvotes': not an integer: \"41\"");
  }

  @Test
  void aTruncatedDownloadSaysWhereItEndsAndWhichEntryItCut() {
    String text = Fixtures.text("daily-papers-current.json").strip();
    String cut = text.substring(0, text.indexOf("\"summary\":\"Nothing"));
    ParsedInput input = InputReader.read(cut, InputFormat.HF_JSON, Fixtures.context("hf.json"));
    assertThat(input.papers()).hasSize(1);
    assertThat(input.errors())
        .extracting(ParseError::describe)
        .containsExactly(
            "hf.json:1:"
                + (cut.length() + 1)
                + ": entry [1] (id 2611.01234v2): the document ends here, inside the entry: the download looks truncated");
  }

  @Test
  void hfJsonErrorsNameTheEntryStartLineAndField() {
    ParsedInput input = Fixtures.read("daily-papers-bad.json", InputFormat.HF_JSON);
    assertThat(input.papers()).hasSize(1);
    assertThat(input.errors())
        .extracting(ParseError::describe)
        .containsExactly(
            "daily-papers-bad.json:19:18: entry [1] (id 2401.04088): field 'upvotes': not an integer: \"many\"",
            "daily-papers-bad.json:25:22: entry [2] (id 2401.01335): field 'publishedAt': not a date: 'yesterday'");
  }

  @Test
  void hfJsonThatIsNotAnArrayOrIsTruncated() {
    assertThat(
            InputReader.read("{\"paper\": {}}", InputFormat.HF_JSON, Fixtures.context("x.json"))
                .errors())
        .extracting(ParseError::describe)
        .containsExactly("x.json:1: expected a JSON array of Daily Papers entries");
    ParsedInput truncated =
        InputReader.read(
            "[\n {\"paper\": {\"id\": \"2401.1\",\n",
            InputFormat.HF_JSON,
            Fixtures.context("y.json"));
    assertThat(truncated.errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.describe())
                    .isEqualTo(
                        "y.json:2:28: entry [0] (id 2401.1): the document ends here, inside the entry: the download looks truncated"));
  }

  @Test
  void atomEntriesKeepArxivIdCategoriesAndAuthors() {
    ParsedInput input = Fixtures.read("arxiv-feed.xml", InputFormat.ARXIV_ATOM);
    assertThat(input.errors()).isEmpty();
    assertThat(input.papers()).hasSize(2);
    ParseResult.Paper first = input.papers().get(0);
    PaperEvent e = first.event();
    assertThat(first.line()).isEqualTo(8);
    assertThat(e.getId()).isEqualTo("2401.01234");
    assertThat(e.getArxivId()).isEqualTo("2401.01234");
    assertThat(e.getTitle()).isEqualTo("Retrieval Augmented Generation for Tiny Models");
    assertThat(e.getAbstract$())
        .isEqualTo(
            "We study retrieval augmented generation for models with fewer than one billion parameters.");
    assertThat(e.getAuthors()).containsExactly("Dana Writer", "Eli Coder");
    assertThat(e.getCategories()).containsExactly("cs.CL", "cs.AI");
    assertThat(e.getPublishedAt()).isEqualTo(Instant.parse("2024-01-02T18:59:59Z"));
    assertThat(e.getUrl()).isEqualTo("http://arxiv.org/abs/2401.01234v2");
    assertThat(e.getSource()).isEqualTo("arxiv-atom");
    assertThat(e.getPrimaryCategory()).isEqualTo("cs.CL");
    assertThat(e.getComment())
        .isEqualTo("12 pages, 4 figures; code at https://example.org/tiny-rag");
    assertThat(e.getJournalRef()).isEqualTo("Proc. Tiny Models Workshop 2024, 1-12");
    assertThat(e.getDoi()).isEqualTo("10.1234/tiny.2024.001");
    assertThat(e.getUpdatedAt()).isEqualTo(Instant.parse("2024-01-04T10:00:00Z"));
    assertThat(e.getAuthorAffiliations())
        .containsExactly(new AuthorAffiliation("Eli Coder", List.of("Somewhere", "Elsewhere")));
    assertThat(e.getFeaturedAt()).isNull();
    PaperEvent old = input.papers().get(1).event();
    assertThat(old.getComment()).isNull();
    assertThat(old.getUpdatedAt()).isNull();
    assertThat(old.getAuthorAffiliations()).isEmpty();
    assertThat(old.getId()).isEqualTo("hep-th/9901001");
    assertThat(old.getUrl()).isEqualTo("https://arxiv.org/abs/hep-th/9901001");
  }

  @Test
  void atomErrorsNameLineAndField() {
    ParsedInput input = Fixtures.read("arxiv-feed-bad.xml", InputFormat.ARXIV_ATOM);
    assertThat(input.papers()).hasSize(1);
    assertThat(input.errors())
        .extracting(ParseError::describe)
        .containsExactly(
            "arxiv-feed-bad.xml:12:16: entry [1] (id 2401.00002): field 'publishedAt': not a date: '2024-02-30T10:00:00Z'");
  }

  @Test
  void malformedXmlNamesTheLine() {
    String xml =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry>\n<title>Open\n</entry>\n</feed>\n";
    assertThat(InputReader.read(xml, InputFormat.ARXIV_ATOM, Fixtures.context("f.xml")).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.describe()).startsWith("f.xml:4: not well-formed XML");
            });
  }

  @Test
  void externalEntitiesAreNeverResolved() {
    String xml =
        """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001</id>
                <title>&secret;</title><published>2024-01-01T00:00:00Z</published></entry></feed>
                """;
    ParsedInput input = InputReader.read(xml, InputFormat.ARXIV_ATOM, Fixtures.context("xxe.xml"));
    assertThat(input.papers())
        .allSatisfy(p -> assertThat(p.event().getTitle()).doesNotContain("root:"));
    assertThat(input.errors()).isNotEmpty();
  }

  @Test
  void arxivApiErrorEntryIsAnError() {
    String xml =
        """
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title>
                  <summary>incorrect id format for 1234</summary></entry>
                </feed>
                """;
    assertThat(InputReader.read(xml, InputFormat.ARXIV_ATOM, Fixtures.context("api.xml")).errors())
        .extracting(ParseError::describe)
        .containsExactly(
            "api.xml:2: the arXiv API answered with an error: incorrect id format for 1234");
  }

  @Test
  void jsonLinesPapersAndTombstones() {
    ParsedInput input = Fixtures.read("papers.jsonl", InputFormat.JSONL);
    assertThat(input.errors()).isEmpty();
    assertThat(input.papers()).extracting(ParseResult::line).containsExactly(1, 2, 4);
    PaperEvent explicit = input.papers().get(0).event();
    assertThat(explicit.getId()).isEqualTo("2401.01234");
    assertThat(explicit.getTitle()).isEqualTo("Explicit Id With Version");
    assertThat(explicit.getAuthorCount()).isEqualTo(2);
    assertThat(explicit.getPublishedAt()).isEqualTo(Instant.parse("2024-01-12T00:00:00Z"));
    assertThat(explicit.getCategories()).containsExactly("cs.LG");
    assertThat(explicit.getSource()).isEqualTo("jsonl");
    PaperEvent derived = input.papers().get(1).event();
    assertThat(derived.getId()).isEqualTo(PaperIds.fromTitle("no id given"));
    assertThat(derived.getAuthorCount()).isEqualTo(5);
    PaperEvent millis = input.papers().get(2).event();
    assertThat(millis.getId()).isEqualTo("2312.99999");
    assertThat(millis.getPublishedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(millis.getSource()).isEqualTo("hf-page");
    assertThat(input.tombstones())
        .singleElement()
        .isEqualTo(new ParseResult.Tombstone(5, "2401.00002"));
  }

  @Test
  void jsonLinesReadEveryOptionalFieldByItsAvroName() {
    String line =
        """
                {"id": "2611.04321", "title": "T", "publishedAt": "2026-11-04T18:59:58Z", "primaryCategory": "cs.LG",
                 "comment": "9 pages", "journalRef": "J. Ex. 1", "doi": "10.1/x", "updatedAt": "2026-11-06T00:00:00Z",
                 "authorAffiliations": [{"author": "Ada", "affiliations": ["Lab A", "Lab B"]}],
                 "featuredAt": "2026-11-05T01:22:10.311Z", "listedAt": 1762305730311, "commentCount": 4,
                 "submittedBy": "kay", "thumbnailUrl": "https://t/x.png", "aiSummary": "S", "aiKeywords": ["k1", "k2"],
                 "githubRepo": "https://github.com/e/r", "githubStars": 7, "projectPage": "https://p", "organization": "lab"}
                """
            .replace("\n", " ");
    PaperEvent e =
        InputReader.read(line, InputFormat.JSONL, Fixtures.context("p.jsonl"))
            .papers()
            .get(0)
            .event();
    assertThat(e.getPrimaryCategory()).isEqualTo("cs.LG");
    assertThat(e.getComment()).isEqualTo("9 pages");
    assertThat(e.getJournalRef()).isEqualTo("J. Ex. 1");
    assertThat(e.getDoi()).isEqualTo("10.1/x");
    assertThat(e.getUpdatedAt()).isEqualTo(Instant.parse("2026-11-06T00:00:00Z"));
    assertThat(e.getAuthorAffiliations())
        .containsExactly(new AuthorAffiliation("Ada", List.of("Lab A", "Lab B")));
    assertThat(e.getFeaturedAt()).isEqualTo(Instant.parse("2026-11-05T01:22:10.311Z"));
    assertThat(e.getListedAt()).isEqualTo(Instant.ofEpochMilli(1762305730311L));
    assertThat(e.getCommentCount()).isEqualTo(4);
    assertThat(e.getSubmittedBy()).isEqualTo("kay");
    assertThat(e.getThumbnailUrl()).isEqualTo("https://t/x.png");
    assertThat(e.getAiSummary()).isEqualTo("S");
    assertThat(e.getAiKeywords()).containsExactly("k1", "k2");
    assertThat(e.getGithubRepo()).isEqualTo("https://github.com/e/r");
    assertThat(e.getGithubStars()).isEqualTo(7);
    assertThat(e.getProjectPage()).isEqualTo("https://p");
    assertThat(e.getOrganization()).isEqualTo("lab");

    String bad =
        "{\"title\": \"T\", \"publishedAt\": \"2026-11-04\", \"authorAffiliations\": [{\"author\": 3}]}";
    assertThat(InputReader.read(bad, InputFormat.JSONL, Fixtures.context("p.jsonl")).errors())
        .extracting(ParseError::describe)
        .containsExactly(
            "p.jsonl:1:"
                + (bad.indexOf("3}") + 1)
                + ": field 'authorAffiliations': not a string: 3");
  }

  @Test
  void jsonLinesErrorsNameLineAndField() {
    ParsedInput input = Fixtures.read("papers-bad.jsonl", InputFormat.JSONL);
    assertThat(input.papers()).hasSize(1);
    assertThat(input.errors())
        .extracting(ParseError::describe)
        .containsExactly(
            "papers-bad.jsonl:2:39: field 'publishedAt': not a date: '2024-13-45'",
            "papers-bad.jsonl:3: field 'title': empty",
            "papers-bad.jsonl:4: field 'upvotes': negative: -1",
            "papers-bad.jsonl:5:41: not valid JSON: Unexpected end-of-input within/between Object entries",
            "papers-bad.jsonl:6: field 'id': missing: a delete needs the paper id");
  }

  @Test
  void autoDetectionByContentThenExtension() {
    assertThat(Fixtures.read("daily-papers.json", InputFormat.AUTO).format())
        .isEqualTo(InputFormat.HF_JSON);
    assertThat(Fixtures.read("arxiv-feed.xml", InputFormat.AUTO).format())
        .isEqualTo(InputFormat.ARXIV_ATOM);
    assertThat(Fixtures.read("papers.jsonl", InputFormat.AUTO).format())
        .isEqualTo(InputFormat.JSONL);
    assertThat(FormatDetector.detect("stdin", "\uFEFF  [ ]")).contains(InputFormat.HF_JSON);
    assertThat(FormatDetector.detect("notes.txt", "just words")).contains(InputFormat.HF_PAGE);
    assertThat(FormatDetector.detect("feed.atom", "")).contains(InputFormat.ARXIV_ATOM);
    assertThat(FormatDetector.detect("export.ndjson", "")).contains(InputFormat.JSONL);
    ParsedInput unknown =
        InputReader.read("just words", InputFormat.AUTO, Fixtures.context("notes.md"));
    assertThat(unknown.format()).isEqualTo(InputFormat.AUTO);
    assertThat(unknown.errors())
        .extracting(ParseError::describe)
        .containsExactly(
            "notes.md:1: cannot tell the input format from its content or name; pass --format");
  }

  @Test
  void formatNamesRoundTrip() {
    for (InputFormat f : InputFormat.values()) {
      assertThat(InputFormat.fromCliName(f.cliName())).contains(f);
    }
    assertThat(InputFormat.fromCliName("csv")).isEmpty();
  }
}
