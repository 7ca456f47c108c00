package io.paperpulse.tagging.partofspeech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartOfSpeechLexiconTest {
  private final PartOfSpeechLexicon lexicon = PartOfSpeechLexicon.shared();

  @Test
  void inflectedFormsReachTheirLemmas() {
    assertThat(lexicon.read("networks").canBeNoun()).isTrue();
    assertThat(lexicon.read("queries").canBeNoun()).isTrue();
    assertThat(lexicon.read("mice").canBeNoun()).isTrue(); // irregular plural
    assertThat(lexicon.read("stopped").participle()).isTrue(); // doubled consonant
    assertThat(lexicon.read("shown").participle()).isTrue(); // irregular participle
    assertThat(lexicon.read("rises").thirdPerson()).isTrue();
  }

  @Test
  void finiteVerbsAreToldFromNounsThatAreAlsoVerbs() {
    assertThat(lexicon.read("lowers").onlyFiniteVerb()).isTrue();
    assertThat(lexicon.read("outperforms").onlyFiniteVerb()).isTrue();
    assertThat(lexicon.read("model").onlyFiniteVerb()).isFalse();
    assertThat(lexicon.read("walk").onlyFiniteVerb()).isFalse();
    assertThat(lexicon.read("proposed").onlyFiniteVerb())
        .isFalse(); // a participle can modify a noun
  }

  @Test
  void wordsWordNetDoesNotKnowReadAsNounsUnlessTheyEndLikePastForms() {
    WordReading acronym = lexicon.read("tfts");
    assertThat(acronym.known()).isFalse();
    assertThat(acronym.canBeNoun()).isTrue();
    assertThat(lexicon.read("finetuned").canBeNoun()).isFalse();
  }

  @Test
  void hyphenatedCompoundsReadAsTheirLastPartUnlessListed() {
    assertThat(lexicon.read("three-player").canBeNoun()).isTrue();
    assertThat(lexicon.read("data-driven").canBeNoun()).isFalse();
    assertThat(lexicon.read("state-of-the-art").known()).isTrue();
  }
}
