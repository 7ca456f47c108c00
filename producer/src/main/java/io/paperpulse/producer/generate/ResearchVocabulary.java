package io.paperpulse.producer.generate;

import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParseResult;
import io.paperpulse.producer.sample.BundledSample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words synthetic papers are made of: research topic phrases filed under arXiv categories,
 * method and application phrases, adjectives (from {@code research-phrases.txt}), and real
 * sentences from the abstracts of the bundled Daily Papers sample, so generated abstracts read like
 * the real ones the tagger is tuned on.
 */
public final class ResearchVocabulary {

  /** A topic phrase and the arXiv category papers about it are filed under. */
  public record Topic(String phrase, String category) {}

  private static final String RESOURCE = "/io/paperpulse/producer/generate/research-phrases.txt";
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");
  private static final int MIN_SAMPLE_SENTENCE_WORDS = 8;
  private static final int MAX_SAMPLE_SENTENCE_WORDS = 35;

  private final List<Topic> topics;
  private final List<String> methods;
  private final List<String> applications;
  private final List<String> adjectives;
  private final List<String> sampleSentences;

  private ResearchVocabulary(
      List<Topic> topics,
      List<String> methods,
      List<String> applications,
      List<String> adjectives,
      List<String> sampleSentences) {
    this.topics = List.copyOf(topics);
    this.methods = List.copyOf(methods);
    this.applications = List.copyOf(applications);
    this.adjectives = List.copyOf(adjectives);
    this.sampleSentences = List.copyOf(sampleSentences);
  }

  /** Reads the phrase list and the bundled sample from the producer jar. */
  public static ResearchVocabulary load() {
    Map<String, List<String>> sections =
        sections(resourceText(ResearchVocabulary.class.getResourceAsStream(RESOURCE)));
    List<Topic> topics = new ArrayList<>();
    sections.forEach(
        (header, phrases) -> {
          if (header.startsWith("topics ")) {
            String category = header.substring("topics ".length()).trim();
            phrases.forEach(p -> topics.add(new Topic(p, category)));
          }
        });
    return new ResearchVocabulary(
        topics,
        required(sections, "methods"),
        required(sections, "applications"),
        required(sections, "adjectives"),
        bundledSampleSentences());
  }

  public List<Topic> topics() {
    return topics;
  }

  /** Method phrases with their article ("a lightweight adapter"). */
  public List<String> methods() {
    return methods;
  }

  public List<String> applications() {
    return applications;
  }

  public List<String> adjectives() {
    return adjectives;
  }

  /**
   * Complete sentences of the bundled sample's abstracts, of a length that reads well anywhere in
   * an abstract.
   */
  public List<String> sampleSentences() {
    return sampleSentences;
  }

  private static List<String> bundledSampleSentences() {
    String page = resourceText(BundledSample.open());
    List<String> sentences = new ArrayList<>();
    InputReader.read(
            page,
            InputFormat.HF_PAGE,
            new ParseContext(BundledSample.NAME, BundledSample.asOf(), Instant.EPOCH))
        .papers()
        .stream()
        .map(ParseResult.Paper::event)
        .flatMap(e -> SENTENCE_END.splitAsStream(e.getAbstract$()))
        .filter(ResearchVocabulary::readsWellOutOfContext)
        .forEach(sentences::add);
    return sentences;
  }

  /**
   * Drops sentences that only make sense in their own paper (links, citations, enumerations) and
   * fragments the naive sentence split produced at abbreviations ("e.g. The ...").
   */
  private static boolean readsWellOutOfContext(String sentence) {
    int words = sentence.split("\\s+").length;
    return words >= MIN_SAMPLE_SENTENCE_WORDS
        && words <= MAX_SAMPLE_SENTENCE_WORDS
        && Character.isUpperCase(sentence.charAt(0))
        && sentence.endsWith(".")
        && !sentence.endsWith("e.g.")
        && !sentence.endsWith("i.e.")
        && balanced(sentence, '(', ')')
        && sentence.chars().filter(c -> c == '"').count() % 2 == 0
        && !sentence.contains("http")
        && !sentence.contains("{")
        && !sentence.contains("[")
        && !sentence.contains("(i)")
        && !sentence.contains(" et al");
  }

  private static boolean balanced(String text, char open, char close) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == open ? 1 : c == close ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  private static Map<String, List<String>> sections(String text) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    for (String raw : text.split("\r?\n")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current =
            sections.computeIfAbsent(
                line.substring(1, line.length() - 1).trim(), k -> new ArrayList<>());
      } else if (current == null) {
        throw new IllegalStateException(
            RESOURCE + ": phrase '" + line + "' before the first [section]");
      } else {
        current.add(line);
      }
    }
    return sections;
  }

  private static List<String> required(Map<String, List<String>> sections, String name) {
    List<String> phrases = sections.get(name);
    if (phrases == null || phrases.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": section [" + name + "] is missing or empty");
    }
    return phrases;
  }

  private static String resourceText(InputStream stream) {
    if (stream == null) {
      throw new UncheckedIOException(
          new IOException("resource " + RESOURCE + " is missing from the producer jar"));
    }
    try (InputStream in = stream) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
