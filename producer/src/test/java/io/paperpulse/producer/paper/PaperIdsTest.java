package io.paperpulse.producer.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaperIdsTest {

  @Test
  void arxivVersionSuffixIsRemovedFromEveryForm() {
    assertThat(PaperIds.arxivId("2401.01234v2")).contains("2401.01234");
    assertThat(PaperIds.arxivId("http://arxiv.org/abs/2401.01234v12")).contains("2401.01234");
    assertThat(PaperIds.arxivId("https://arxiv.org/pdf/2401.01234v1.pdf")).contains("2401.01234");
    assertThat(PaperIds.arxivId("arXiv:0704.0001")).contains("0704.0001");
    assertThat(PaperIds.arxivId("http://arxiv.org/abs/hep-th/9901001v3"))
        .contains("hep-th/9901001");
    assertThat(PaperIds.arxivId("math.GT/0309136")).contains("math.GT/0309136");
  }

  @Test
  void nonArxivTextHasNoArxivId() {
    assertThat(PaperIds.arxivId("not an id")).isEmpty();
    assertThat(PaperIds.arxivId("https://example.org/paper/42")).isEmpty();
    assertThat(PaperIds.arxivId(null)).isEmpty();
  }

  @Test
  void titleHashIsStableAcrossWhitespaceCaseAndPunctuation() {
    String id = PaperIds.fromTitle("Mixtral of Experts: Sparse Models");
    assertThat(id).matches("t:[0-9a-f]{16}");
    assertThat(PaperIds.fromTitle("  mixtral OF\n experts -- sparse   models. ")).isEqualTo(id);
    assertThat(PaperIds.fromTitle("MIXTRAL\tof experts:\r\nsparse models")).isEqualTo(id);
    assertThat(PaperIds.fromTitle("Mixtral of Experts: Dense Models")).isNotEqualTo(id);
  }

  @Test
  void arxivIdWinsOverTitleHash() {
    assertThat(PaperIds.of("2401.01234", "Anything")).isEqualTo("2401.01234");
    assertThat(PaperIds.of(null, "Anything")).isEqualTo(PaperIds.fromTitle("anything"));
  }

  @Test
  void whitespaceCollapsesToSingleSpaces() {
    assertThat(PaperText.collapseWhitespace("  a\n\n b\t\u00a0c  ")).isEqualTo("a b c");
    assertThat(PaperText.collapseWhitespace(null)).isEmpty();
  }
}
