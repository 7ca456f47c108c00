package io.paperpulse.producer.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.producer.sample.BundledSample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded, generated and mutated inputs for every parser (random bytes, truncations, deleted and
 * doubled spans, values of the wrong type, huge fields, invalid UTF-8, control characters): the
 * parser never throws, every result is a paper, a delete, a skipped block or an error naming its
 * input and line, and a broken line of JSON Lines costs no other line its paper.
 */
class MutatedInputTest {

  private static final long SEED = 20_241_211L;
  private static final int CASES_PER_FORMAT = 600;
  private static final int JSONL_LINE_CASES = 400;
  private static final String[] WRONG_VALUES = {
    "\"text\"",
    "12",
    "-1e309",
    "true",
    "null",
    "[]",
    "{}",
    "[{\"a\": 1}]",
    "\"2024-13-45\"",
    "\"\"",
    "99999999999999999999999",
    "\"\\ud800\"",
    "\"\\u0000\""
  };
  private static final Pattern JSON_VALUE =
      Pattern.compile(
          "(\"[A-Za-z_]+\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[-0-9.eE+]+|true|false|null|\\[|\\{)");
  private static final Pattern XML_TEXT = Pattern.compile(">([^<]+)<");

  private enum Mutation {
    RANDOM_BYTES,
    TRUNCATE,
    DELETE_SPAN,
    DOUBLE_SPAN,
    WRONG_TYPE,
    HUGE_FIELD,
    INVALID_UTF8,
    CONTROL_CHARS
  }

  private static String sample() {
    try (InputStream in = BundledSample.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes read the way the producer reads files: UTF-8 with replacement of malformed input. */
  private static String decode(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static String mutate(String text, Mutation mutation, SplittableRandom random) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    return switch (mutation) {
      case RANDOM_BYTES -> {
        byte[] bytes = new byte[random.nextInt(0, 2_000)];
        random.nextBytes(bytes);
        yield decode(bytes);
      }
      case TRUNCATE -> text.substring(0, at);
      case DELETE_SPAN ->
          text.substring(0, at)
              + text.substring(Math.min(text.length(), at + random.nextInt(1, 200)));
      case DOUBLE_SPAN -> {
        String span = text.substring(at, Math.min(text.length(), at + random.nextInt(1, 300)));
        yield text.substring(0, at) + span + span + text.substring(at);
      }
      case WRONG_TYPE -> wrongType(text, random);
      case HUGE_FIELD ->
          text.substring(0, at)
              + (random.nextBoolean() ? "x" : "é ").repeat(60_000)
              + text.substring(at);
      case INVALID_UTF8 -> {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[][] invalid = {
          {(byte) 0xc3},
          {(byte) 0xff},
          {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
          {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          {(byte) 0x80}
        };
        byte[] bad = invalid[random.nextInt(invalid.length)];
        int pos = random.nextInt(utf8.length + 1);
        byte[] out = Arrays.copyOf(utf8, utf8.length + bad.length);
        System.arraycopy(bad, 0, out, pos, bad.length);
        System.arraycopy(utf8, pos, out, pos + bad.length, utf8.length - pos);
        yield decode(out);
      }
      case CONTROL_CHARS -> {
        String[] controls = {
          "\u0000", "\u202e", "\uffff", "\ud800", "\r", "\t\t", "\u000b", "\ufeff"
        };
        yield text.substring(0, at)
            + controls[random.nextInt(controls.length)]
            + text.substring(at);
      }
    };
  }

  /** Replaces one JSON value (or XML text) by a value of another type. */
  private static String wrongType(String text, SplittableRandom random) {
    List<int[]> spans = new ArrayList<>();
    Matcher json = JSON_VALUE.matcher(text);
    while (json.find()) {
      spans.add(new int[] {json.start(2), json.end(2)});
    }
    if (spans.isEmpty()) {
      Matcher xml = XML_TEXT.matcher(text);
      while (xml.find()) {
        spans.add(new int[] {xml.start(1), xml.end(1)});
      }
    }
    if (spans.isEmpty()) {
      return text;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    String replacement = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
    if (text.charAt(span[0]) == '[' || text.charAt(span[0]) == '{') {
      // an opening bracket: replace the bracket only, leaving the rest to the parser's syntax
      // checks
      return text.substring(0, span[0]) + replacement + text.substring(span[0] + 1);
    }
    return text.substring(0, span[0]) + replacement + text.substring(span[1]);
  }

  private static List<ParseResult> parseChecked(
      InputFormat format, String content, String label, List<String> problems) {
    ParseContext context = Fixtures.context("fuzz." + format.cliName());
    List<ParseResult> results;
    try {
      results = format.newParser().parse(content, context);
    } catch (RuntimeException | StackOverflowError e) {
      problems.add(label + ": " + e);
      return List.of();
    }
    for (ParseResult result : results) {
      if (result instanceof ParseResult.Paper paper) {
        if (paper.id() == null || paper.id().isBlank() || paper.event().getTitle().isBlank()) {
          problems.add(label + ": paper without id or title at line " + paper.line());
        }
      } else if (result instanceof ParseResult.Tombstone tombstone) {
        if (tombstone.id() == null || tombstone.id().isBlank()) {
          problems.add(label + ": delete without id at line " + tombstone.line());
        }
      } else if (result instanceof ParseResult.Skipped skipped) {
        if (skipped.reason() == null || skipped.reason().isBlank()) {
          problems.add(label + ": skipped block without a reason at line " + skipped.line());
        }
      } else if (result instanceof ParseResult.Invalid invalid) {
        ParseError error = invalid.error();
        if (error.message().isBlank()
            || !error.source().equals(context.sourceName())
            || error.line() < 1) {
          problems.add(label + ": unclear error " + error.describe());
        }
      }
    }
    return results;
  }

  @Test
  void everyParserTurnsMutatedInputIntoPapersSkipsOrClearErrorsWithoutThrowing() {
    Map<InputFormat, String> seeds =
        Map.of(
            InputFormat.HF_PAGE, sample(),
            InputFormat.HF_JSON, Fixtures.text("daily-papers.json"),
            InputFormat.ARXIV_ATOM, Fixtures.text("arxiv-feed.xml"),
            InputFormat.JSONL, Fixtures.text("papers.jsonl"));
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> problems = new ArrayList<>();
    Map<String, Integer> errorsSeen = new TreeMap<>();
    for (InputFormat format :
        List.of(
            InputFormat.HF_PAGE, InputFormat.HF_JSON, InputFormat.ARXIV_ATOM, InputFormat.JSONL)) {
      String seed = seeds.get(format);
      assertThat(parseChecked(format, seed, format + " seed", problems))
          .as("%s seed has papers", format)
          .anyMatch(result -> result instanceof ParseResult.Paper);
      for (int i = 0; i < CASES_PER_FORMAT; i++) {
        Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
        String mutated = mutate(seed, mutation, random);
        List<ParseResult> results =
            parseChecked(format, mutated, format + " case " + i + " " + mutation, problems);
        long invalid =
            results.stream().filter(result -> result instanceof ParseResult.Invalid).count();
        errorsSeen.merge(format + " " + mutation, (int) invalid, Integer::sum);
      }
    }
    assertThat(problems).isEmpty();
    // the mutations do reach the parsers' error paths for every format
    for (InputFormat format : seeds.keySet()) {
      assertThat(errorsSeen.entrySet())
          .as("errors by format and mutation %s", errorsSeen)
          .anyMatch(entry -> entry.getKey().startsWith(format + " ") && entry.getValue() > 0);
    }
  }

  @Test
  void aBrokenJsonLineCostsNoOtherLineItsPaper() {
    String seed = Fixtures.text("papers.jsonl");
    List<String> lines = Arrays.asList(seed.split("\n", -1));
    List<String> problems = new ArrayList<>();
    Map<Integer, ParseResult> original = new TreeMap<>();
    for (ParseResult result : parseChecked(InputFormat.JSONL, seed, "seed", problems)) {
      if (result instanceof ParseResult.Paper || result instanceof ParseResult.Tombstone) {
        original.put(result.line(), result);
      }
    }
    assertThat(original).hasSizeGreaterThan(2);
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (int i = 0; i < JSONL_LINE_CASES; i++) {
      int broken = random.nextInt(lines.size());
      Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
      // the mutation stays on its line: line breaks are what separates records in this format
      String mutatedLine =
          mutate(lines.get(broken), mutation, random).replace('\n', ' ').replace('\r', ' ');
      List<String> copy = new ArrayList<>(lines);
      copy.set(broken, mutatedLine);
      Map<Integer, ParseResult> after = new TreeMap<>();
      for (ParseResult result :
          parseChecked(InputFormat.JSONL, String.join("\n", copy), "line case " + i, problems)) {
        after.put(result.line(), result);
      }
      for (var kept : original.entrySet()) {
        if (kept.getKey() != broken + 1 && !kept.getValue().equals(after.get(kept.getKey()))) {
          problems.add(
              "line case "
                  + i
                  + " ("
                  + mutation
                  + " on line "
                  + (broken + 1)
                  + "): line "
                  + kept.getKey()
                  + " became "
                  + after.get(kept.getKey()));
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
