package io.paperpulse.tagging.keyphrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.tagging.keyphrase.KeyphrasePriors.StemCounts;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class KeyphrasePriorsTest {
  private static final Offset<Double> EXACT = Offset.offset(1e-12);

  @Test
  void aStemOftenInKeyphrasesRanksAboveAnUnseenOneAndThatAboveAStemRarelyInThem() {
    KeyphrasePriors priors =
        new KeyphrasePriors(
            100, Map.of("voltag", new StemCounts(30, 40), "approach", new StemCounts(1, 60)));
    assertThat(priors.stemPrior("voltag")).isCloseTo(Math.log(31.0 / 43), EXACT);
    assertThat(priors.stemPrior("decoher")).isCloseTo(Math.log(1.0 / 3), EXACT);
    assertThat(priors.stemPrior("approach")).isCloseTo(Math.log(2.0 / 63), EXACT);
    assertThat(KeyphrasePriors.NONE.stemPrior("voltag")).isCloseTo(Math.log(1.0 / 3), EXACT);
  }

  @Test
  void theFileReadsBackAndABadLineIsNamed() {
    KeyphrasePriors priors =
        new KeyphrasePriors(
            7, Map.of("neural", new StemCounts(3, 4), "method", new StemCounts(0, 6)));
    KeyphrasePriors again = KeyphrasePriors.parse(priors.format(List.of("a comment")), "again");
    assertThat(again.papers()).isEqualTo(7);
    assertThat(again.stemPrior("neural")).isCloseTo(priors.stemPrior("neural"), EXACT);
    assertThat(again.stemPrior("method")).isCloseTo(priors.stemPrior("method"), EXACT);
    assertThatThrownBy(() -> KeyphrasePriors.parse("@papers 2\nneural\t3\n", "bad.tsv"))
        .hasMessageContaining("bad.tsv:2");
    assertThatThrownBy(() -> KeyphrasePriors.parse("@papers 2\nneural\tx\t4\n", "bad.tsv"))
        .hasMessageContaining("bad.tsv:2");
    assertThatThrownBy(() -> KeyphrasePriors.parse("neural\t3\t4\n", "bad.tsv"))
        .hasMessageContaining("@papers");
  }

  @Test
  void theShippedPriorsComeFromTheFitHalf() {
    KeyphrasePriors shipped = KeyphrasePriors.loadDefault();
    assertThat(shipped.papers()).isEqualTo(1001);
    assertThat(shipped.stemPrior("network")).isGreaterThan(shipped.stemPrior("approach"));
  }
}
