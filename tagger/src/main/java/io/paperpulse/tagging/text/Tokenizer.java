package io.paperpulse.tagging.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * Splits text into word tokens in a single pass over its characters.
 *
 * <p>A hand-written scanner rather than a Lucene tokenizer chain: the tagger needs surface forms,
 * case, hyphen and punctuation information side by side, and has to stay allocation-light to tag
 * tens of thousands of abstracts per second. Letters and digits form tokens; a decimal point or an
 * apostrophe between two word characters stays inside the token ("292.3", "don't"); a trailing
 * possessive ("model's", "models'") is dropped; a hyphen between two tokens is recorded as a glue
 * flag; sentence and clause punctuation is recorded as a phrase break.
 */
public final class Tokenizer {
  // What a character does between tokens. Every character of every abstract is classified, so
  // ASCII, by far the most common case, comes from a table built with the general rules below.
  private static final byte OTHER = 0; // a symbol such as '/', '+', '=': separates without gluing
  private static final byte WORD = 1;
  private static final byte SPACE = 2;
  private static final byte HYPHEN = 3;
  private static final byte BREAK = 4;
  private static final byte[] ASCII_CLASSES = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_CLASSES[c] = classify(c);
    }
  }

  private final Singularizer singularizer;
  private final ThreadLocal<Scanner> scanners = ThreadLocal.withInitial(Scanner::new);

  public Tokenizer(Singularizer singularizer) {
    this.singularizer = singularizer;
  }

  public TokenizedText tokenize(String string) {
    Scanner scanner = scanners.get();
    WordCache cache = scanner.words;
    // One bulk copy, then plain array reads: String.charAt checks bounds and coder on every call.
    int n = string.length();
    char[] text = scanner.characters(n);
    string.getChars(0, n, text, 0);
    cache.startText(n);
    int capacity = Math.max(8, n / 5);
    int[] tokens = new int[capacity];
    boolean[] breakBefore = new boolean[capacity];
    boolean[] hyphenBefore = new boolean[capacity];
    int count = 0;
    boolean pendingBreak = true;
    boolean pendingHyphen = false;
    int i = 0;
    while (i < n) {
      byte kind = classOf(text[i]);
      if (kind != WORD) {
        if (kind == HYPHEN) {
          boolean glue =
              count > 0
                  && !pendingBreak
                  && i > 0
                  && i + 1 < n
                  && isWordChar(text[i - 1])
                  && isWordChar(text[i + 1]);
          if (glue) {
            pendingHyphen = true;
          } else {
            pendingBreak = true; // a spaced dash sets off a clause
            pendingHyphen = false;
          }
        } else if (kind == BREAK) {
          pendingBreak = true;
          pendingHyphen = false;
        } else if (kind == OTHER) {
          pendingHyphen = false;
        }
        i++;
        continue;
      }
      if (startsUrl(text, i, n)) {
        // A web address ("https://github.com/x/fast-attn") names no words of the text: its parts
        // would read as topics and keyphrases ("com x fast"). It ends at the next space.
        while (i < n && !Character.isWhitespace(text[i])) {
          i++;
        }
        pendingBreak = true;
        pendingHyphen = false;
        continue;
      }
      int start = i;
      int hash = 0; // String.hashCode of the token, computed while scanning it
      while (i < n) {
        char ch = text[i];
        if (isWordChar(ch)
            || ((ch == '.' || ch == ',')
                && i + 1 < n
                && Character.isDigit(text[i + 1])
                && Character.isDigit(text[i - 1]))
            || (isApostrophe(ch) && i + 1 < n && Character.isLetter(text[i + 1]))) {
          hash = 31 * hash + ch;
          i++;
        } else {
          break;
        }
      }
      int end = stripPossessive(text, start, i);
      if (end != i) {
        hash = hashOf(text, start, end);
      }
      if (i < n && isApostrophe(text[i]) && end > start && text[end - 1] == 's') {
        i++; // plural possessive "models'": the apostrophe belongs to the token
      }
      if (end == start) {
        continue;
      }
      if (count == tokens.length) {
        int grown = count * 2;
        tokens = Arrays.copyOf(tokens, grown);
        breakBefore = Arrays.copyOf(breakBefore, grown);
        hyphenBefore = Arrays.copyOf(hyphenBefore, grown);
      }
      tokens[count] = word(cache, text, start, end, hash);
      breakBefore[count] = pendingBreak;
      hyphenBefore[count] = pendingHyphen;
      count++;
      pendingBreak = false;
      pendingHyphen = false;
    }
    return new TokenizedText(cache.vocabulary(), tokens, breakBefore, hyphenBefore, count);
  }

  /** True when {@code text[i, n)} starts with "http://", "https://" or "www.", in any case. */
  private static boolean startsUrl(char[] text, int i, int n) {
    char first = text[i];
    if (first == 'h' || first == 'H') {
      return startsWith(text, i, n, "https://") || startsWith(text, i, n, "http://");
    }
    return (first == 'w' || first == 'W') && startsWith(text, i, n, "www.");
  }

  private static boolean startsWith(char[] text, int i, int n, String prefix) {
    if (n - i < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (Character.toLowerCase(text[i + k]) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The number of the word {@code text[start, end)}, whose String hash is {@code hash}: a cache hit
   * in the common case.
   */
  private int word(WordCache cache, char[] text, int start, int end, int hash) {
    int id = cache.find(text, start, end, hash);
    return id >= 0 ? id : cache.add(newWord(new String(text, start, end - start)), hash);
  }

  private static int hashOf(char[] text, int start, int end) {
    int hash = 0;
    for (int k = start; k < end; k++) {
      hash = 31 * hash + text[k];
    }
    return hash;
  }

  private Word newWord(String surface) {
    int len = surface.length();
    char[] lowerChars = new char[len];
    for (int k = 0; k < len; k++) {
      lowerChars[k] = Character.toLowerCase(surface.charAt(k));
    }
    String lower = surface.toLowerCase(Locale.ROOT);
    String singular = singularizer.singular(lowerChars, len);
    return new Word(surface, lower, singular.equals(lower) ? lower : singular);
  }

  /**
   * A thread's scanning state: its word cache and a character buffer that grows to the longest
   * text.
   */
  private static final class Scanner {
    final WordCache words = new WordCache();
    private char[] buffer = new char[4096];

    char[] characters(int length) {
      if (buffer.length < length) {
        buffer = new char[Math.max(length, buffer.length * 2)];
      }
      return buffer;
    }
  }

  private static int stripPossessive(char[] text, int start, int end) {
    if (end - start > 2 && (text[end - 1] == 's' || text[end - 1] == 'S')) {
      if (isApostrophe(text[end - 2])) {
        return end - 2;
      }
    }
    return end;
  }

  private static byte classOf(char c) {
    return c < 128 ? ASCII_CLASSES[c] : classify(c);
  }

  private static byte classify(char c) {
    if (Character.isLetterOrDigit(c)) {
      return WORD;
    }
    if (isHyphen(c)) {
      return HYPHEN;
    }
    if (isPhraseBreak(c)) {
      return BREAK;
    }
    return Character.isWhitespace(c) ? SPACE : OTHER;
  }

  /** Letters and digits. */
  private static boolean isWordChar(char c) {
    return classOf(c) == WORD;
  }

  private static boolean isPhraseBreak(char c) {
    switch (c) {
      case '.':
      case ',':
      case ';':
      case ':':
      case '!':
      case '?':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '"':
      case '\u201c':
      case '\u201d':
      case '\u2014':
      case '|':
      case '\u2022':
      case '\u00b7':
        return true;
      default:
        return false;
    }
  }

  private static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013';
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }
}
