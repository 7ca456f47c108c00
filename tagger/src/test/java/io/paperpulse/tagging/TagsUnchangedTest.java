package io.paperpulse.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperpulse.tagging.eval.InspecDatasetLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tagger's output on a fixed set of papers is exactly the recorded one (see {@link
 * GoldenTags}).
 */
class TagsUnchangedTest {
  private final PaperTagger tagger = PaperTagger.withDefaultTaxonomy();

  @Test
  void fixedPapersKeepTheirRecordedTags() throws IOException {
    List<SamplePapers.Paper> papers = GoldenTags.papers();
    List<String> golden = resource(GoldenTags.RESOURCE).lines().toList();
    assertThat(golden).hasSize(papers.size());
    List<String> differences = new ArrayList<>();
    // Twice: the second pass runs on warm per-thread caches, the way a stream is tagged.
    for (int pass = 1; pass <= 2; pass++) {
      for (int i = 0; i < papers.size(); i++) {
        SamplePapers.Paper p = papers.get(i);
        String got = GoldenTags.line(tagger.tag(p.title(), p.abstractText()));
        if (!got.equals(golden.get(i))) {
          differences.add(
              "pass "
                  + pass
                  + ", paper "
                  + i
                  + "\n  expected "
                  + golden.get(i)
                  + "\n  got      "
                  + got);
        }
      }
    }
    assertThat(differences).as("papers whose tags changed").isEmpty();
  }

  @Test
  void inspecAbstractsKeepTheirRecordedTags() throws IOException {
    Optional<Path> zip = InspecDatasetLocation.find();
    assumeTrue(zip.isPresent(), "Inspec archive not found: " + InspecDatasetLocation.HINT);
    assertThat(GoldenTags.inspecDigest(tagger, zip.get()))
        .as("SHA-256 of the tags of all Inspec abstracts (GoldenTags main prints the current one)")
        .isEqualTo(resource(GoldenTags.INSPEC_DIGEST_RESOURCE).strip());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TagsUnchangedTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
