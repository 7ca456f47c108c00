package io.paperpulse.streams.testing;

import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagKind;
import io.paperpulse.tagging.Tagger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Deterministic tagger for topology tests whose tags are obvious from the text: every word of the
 * title is a TOPIC tag, every other word of the abstract a KEYPHRASE tag (words of at least three
 * letters, lower-cased).
 */
public final class VocabularyTagger implements Tagger {

  @Override
  public List<Tag> tag(String title, String abstractText) {
    Set<String> topics = words(title);
    Set<String> phrases = words(abstractText);
    phrases.removeAll(topics);
    List<Tag> tags = new ArrayList<>();
    topics.forEach(word -> tags.add(new Tag(word, TagKind.TOPIC, 1.0)));
    phrases.forEach(word -> tags.add(new Tag(word, TagKind.KEYPHRASE, 0.5)));
    return tags;
  }

  @Override
  public String version() {
    return "vocabulary-test-1";
  }

  private static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null) {
      return words;
    }
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9-]+")) {
      if (word.length() >= 3) {
        words.add(word);
      }
    }
    return words;
  }
}
