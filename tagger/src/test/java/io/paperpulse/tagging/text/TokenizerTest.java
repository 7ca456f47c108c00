package io.paperpulse.tagging.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {
  private final Tokenizer tokenizer = new Tokenizer(new Singularizer());

  @Test
  void sameSpellingIsOneSharedWordAndCaseMakesAnother() {
    TokenizedText a = tokenizer.tokenize("Graph models and graph Models.");
    TokenizedText b = tokenizer.tokenize("models of graphs");
    assertThat(a.word(1)).isSameAs(b.word(0)).isNotSameAs(a.word(4));
    assertThat(a.word(0)).isNotSameAs(a.word(3));
    assertThat(a.singular(1)).isEqualTo(a.singular(4)).isEqualTo("model");
    assertThat(a.singular(0)).isEqualTo(a.singular(3)).isEqualTo("graph");
  }

  @Test
  void possessivesDecimalsHyphensAndBreaksAsBefore() {
    TokenizedText t = tokenizer.tokenize("The model's 292.3 key-value caches, LLMs' outputs");
    assertThat(t.size()).isEqualTo(8);
    assertThat(t.surface(1)).isEqualTo("model");
    assertThat(t.surface(2)).isEqualTo("292.3");
    assertThat(t.hyphenBefore(4)).isTrue();
    assertThat(t.singular(5)).isEqualTo("cache");
    assertThat(t.phraseBreakBefore(6)).isTrue();
    assertThat(t.surface(6)).isEqualTo("LLMs");
  }

  @Test
  void webAddressesAreSkippedAndBreakThePhrase() {
    TokenizedText t =
        tokenizer.tokenize(
            "Code at https://github.com/x/fast-attn and (HTTP://Example.org/a) or www.lab.io/b "
                + "sparse kernels; http servers stay.");
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < t.size(); i++) {
      words.append(i == 0 ? "" : " ").append(t.surface(i));
    }
    assertThat(words.toString()).isEqualTo("Code at and or sparse kernels http servers stay");
    assertThat(t.phraseBreakBefore(2)).isTrue();
    assertThat(t.phraseBreakBefore(4)).isTrue();
  }
}
