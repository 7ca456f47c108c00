package io.paperpulse.tagging.topic;

import io.paperpulse.tagging.text.LongIntMap;
import io.paperpulse.tagging.text.TokenizedText;
import io.paperpulse.tagging.text.Tokenizer;
import io.paperpulse.tagging.text.Vocabulary;
import io.paperpulse.tagging.text.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds taxonomy topics in tokenized text.
 *
 * <p>Every name, alias and acronym is compiled at load into a path of a token trie. A pattern word
 * without upper-case letters is keyed by its lower-case singular form, so "LLMs", "large language
 * model" and "Large-Language-Models" all walk the same path; a word with an upper-case letter
 * ("LLM", "KV", "LoRA") is keyed by its exact spelling (a plural "s" after a capital is allowed),
 * so "RAG" does not fire on "rag". Matching walks the trie from each token, keeps the longest
 * pattern that does not cross punctuation, and continues after it: no regular expressions, and a
 * word's trie ids are looked up once per vocabulary and then kept in arrays indexed by word number
 * ({@link TrieIds}, an annex of the {@link Vocabulary}), so a token that begins no pattern costs
 * one byte read and a trie step costs one probe of a primitive hash map.
 */
public final class TopicMatcher {
  private static final int ROOT = 0;
  private static final int MAX_PARENT_DEPTH = 8;

  private final String[] names;
  private final int[] parentOf;
  private final Map<String, Integer> lowerCaseIds = new HashMap<>();
  private final Map<String, Integer> exactCaseIds = new HashMap<>();
  private final LongIntMap transitions = new LongIntMap(4096);
  private final List<Integer> terminalTopic = new ArrayList<>();
  private int[] terminals;

  private TopicMatcher(int topics) {
    names = new String[topics];
    parentOf = new int[topics];
    terminalTopic.add(-1); // root
  }

  /**
   * Compiles a taxonomy. Throws IllegalArgumentException naming every parent that is not a topic of
   * the taxonomy and every pattern that has no words.
   */
  public static TopicMatcher compile(Taxonomy taxonomy, Tokenizer tokenizer) {
    List<TaxonomyEntry> entries = taxonomy.entries();
    TopicMatcher matcher = new TopicMatcher(entries.size());
    Map<String, Integer> index = new HashMap<>();
    for (int t = 0; t < entries.size(); t++) {
      matcher.names[t] = entries.get(t).name();
      index.put(entries.get(t).name(), t);
    }
    List<String> problems = new ArrayList<>();
    for (int t = 0; t < entries.size(); t++) {
      TaxonomyEntry entry = entries.get(t);
      Integer parent = entry.parent() == null ? Integer.valueOf(-1) : index.get(entry.parent());
      if (parent == null) {
        problems.add("topic '" + entry.name() + "': unknown parent '" + entry.parent() + "'");
        parent = -1;
      }
      matcher.parentOf[t] = parent;
      List<String> patterns = new ArrayList<>();
      patterns.add(entry.name());
      patterns.addAll(entry.aliases());
      patterns.addAll(entry.acronyms());
      for (String pattern : patterns) {
        if (!matcher.addPattern(tokenizer.tokenize(pattern), t)) {
          problems.add("topic '" + entry.name() + "': pattern '" + pattern + "' has no words");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid taxonomy " + taxonomy.version() + ": " + String.join("; ", problems));
    }
    matcher.terminals = matcher.terminalTopic.stream().mapToInt(Integer::intValue).toArray();
    return matcher;
  }

  private boolean addPattern(TokenizedText tokens, int topic) {
    if (tokens.size() == 0) {
      return false;
    }
    int node = ROOT;
    for (int i = 0; i < tokens.size(); i++) {
      String surface = tokens.surface(i);
      int id =
          hasUpperCase(surface)
              ? idFor(exactCaseIds, exactCaseKey(surface))
              : idFor(lowerCaseIds, tokens.singular(i));
      long key = transitionKey(node, id);
      int next = transitions.get(key);
      if (next < 0) {
        next = terminalTopic.size();
        terminalTopic.add(-1);
        transitions.put(key, next);
      }
      node = next;
    }
    // The first topic to claim a pattern keeps it, so taxonomy order settles collisions.
    if (terminalTopic.get(node) < 0) {
      terminalTopic.set(node, topic);
    }
    return true;
  }

  private int idFor(Map<String, Integer> vocabulary, String key) {
    Integer id = vocabulary.get(key);
    if (id == null) {
      id = lowerCaseIds.size() + exactCaseIds.size() + 1;
      vocabulary.put(key, id);
    }
    return id;
  }

  public int topicCount() {
    return names.length;
  }

  public String topicName(int topic) {
    return names[topic];
  }

  /** Index of the broader topic, or -1. */
  public int parentOf(int topic) {
    return parentOf[topic];
  }

  /** Empty scores for this taxonomy, to be reused paper after paper by one thread. */
  public TopicScores newScores() {
    return new TopicScores(names.length);
  }

  /**
   * Scores one paper: {@code titleWeight} per topic mention in the title, 1 per mention in the
   * body, then each topic passes {@code parentShare} of its score up to its parent (which passes
   * the same share of that on). {@code scores} is cleared first.
   */
  public void score(
      TokenizedText title,
      double titleWeight,
      TokenizedText body,
      double parentShare,
      TopicScores scores) {
    scores.clear();
    accumulate(title, titleWeight, scores);
    accumulate(body, 1.0, scores);
    scores.propagate(parentOf, parentShare, MAX_PARENT_DEPTH);
  }

  /**
   * Adds {@code weight} to the score of the topic of every mention in the text.
   *
   * @return the number of mentions found
   */
  public int accumulate(TokenizedText text, double weight, TopicScores scores) {
    TrieIds ids = trieIds(text.vocabulary());
    int n = text.size();
    int mentions = 0;
    int i = 0;
    while (i < n) {
      // Most tokens begin no pattern: one byte per word rules them out.
      long best = ids.startsPattern(text.id(i)) ? longestMatch(text, ids, i, ROOT, i) : -1;
      if (best < 0) {
        i++;
        continue;
      }
      int topic = (int) (best >>> 32);
      int end = (int) best;
      scores.addMention(topic, weight);
      mentions++;
      i = end;
    }
    return mentions;
  }

  /**
   * The topic whose name, alias or acronym spans the whole text (a keyphrase such as "large
   * language model"), or -1.
   */
  public int topicSpanning(TokenizedText text) {
    if (text.size() == 0) {
      return -1;
    }
    TrieIds ids = trieIds(text.vocabulary());
    if (!ids.startsPattern(text.id(0))) {
      return -1;
    }
    long best = longestMatch(text, ids, 0, ROOT, 0);
    return best >= 0 && (int) best == text.size() ? (int) (best >>> 32) : -1;
  }

  /** Longest match starting at token {@code start}: (topic << 32 | end index), or -1. */
  private long longestMatch(TokenizedText text, TrieIds ids, int start, int node, int pos) {
    if (pos >= text.size() || (pos > start && text.phraseBreakBefore(pos))) {
      return -1;
    }
    int word = text.id(pos);
    ids.startsPattern(word); // derives the word's ids when new
    long best =
        follow(text, ids, start, pos, next(node, ids.lower[word], ids.fromRootByLower[word]), -1);
    return follow(
        text, ids, start, pos, next(node, ids.exact[word], ids.fromRootByExact[word]), best);
  }

  /**
   * The node reached from {@code node} by token id {@code id} (-1: none); from the root, as derived
   * for the word.
   */
  private int next(int node, int id, int fromRoot) {
    if (node == ROOT) {
      return fromRoot;
    }
    return id < 0 ? -1 : transitions.get(transitionKey(node, id));
  }

  /**
   * {@code best} improved by a match through trie node {@code next} (-1: none) for the token at
   * {@code pos}, if longer.
   */
  private long follow(TokenizedText text, TrieIds ids, int start, int pos, int next, long best) {
    if (next < 0) {
      return best;
    }
    long deeper = longestMatch(text, ids, start, next, pos + 1);
    if (deeper >= 0 && (best < 0 || (int) deeper > (int) best)) {
      return deeper;
    }
    if (deeper < 0 && terminals[next] >= 0 && (best < 0 || pos + 1 > (int) best)) {
      return ((long) terminals[next] << 32) | (pos + 1);
    }
    return best;
  }

  /**
   * This matcher's ids of the words of {@code vocabulary}, kept with it on the vocabulary's thread.
   */
  private TrieIds trieIds(Vocabulary vocabulary) {
    TrieIds ids = (TrieIds) vocabulary.annex(this);
    if (ids == null) {
      ids = new TrieIds(vocabulary);
      vocabulary.attach(this, ids);
    }
    ids.cover(vocabulary.size());
    return ids;
  }

  /**
   * Trie ids of the words of one vocabulary, by word number, derived on a word's first occurrence:
   * the id in the trie's lower-case and exact-case vocabularies (-1: absent), the nodes they lead
   * to from the root (the first step of every match, taken without a probe) and whether any pattern
   * begins with the word.
   */
  private final class TrieIds {
    private static final byte UNKNOWN = 0;
    private static final byte BEGINS_NOTHING = 1;
    private static final byte STARTS_PATTERN = 2;

    private final Vocabulary vocabulary;
    private byte[] state = new byte[0];
    int[] lower = new int[0];
    int[] exact = new int[0];
    int[] fromRootByLower = new int[0];
    int[] fromRootByExact = new int[0];

    TrieIds(Vocabulary vocabulary) {
      this.vocabulary = vocabulary;
    }

    /** Makes room for word numbers below {@code size}. */
    void cover(int size) {
      if (size > state.length) {
        int capacity = Math.max(size, state.length * 2);
        state = Arrays.copyOf(state, capacity);
        lower = Arrays.copyOf(lower, capacity);
        exact = Arrays.copyOf(exact, capacity);
        fromRootByLower = Arrays.copyOf(fromRootByLower, capacity);
        fromRootByExact = Arrays.copyOf(fromRootByExact, capacity);
      }
    }

    boolean startsPattern(int id) {
      byte known = state[id];
      return (known == UNKNOWN ? derive(id) : known) == STARTS_PATTERN;
    }

    private byte derive(int id) {
      Word word = vocabulary.word(id);
      int lowerId = lowerCaseIds.getOrDefault(word.singular(), -1);
      String surface = word.surface();
      int exactId =
          hasUpperCase(surface) ? exactCaseIds.getOrDefault(exactCaseKey(surface), -1) : -1;
      int byLower = lowerId < 0 ? -1 : transitions.get(transitionKey(ROOT, lowerId));
      int byExact = exactId < 0 ? -1 : transitions.get(transitionKey(ROOT, exactId));
      lower[id] = lowerId;
      exact[id] = exactId;
      fromRootByLower[id] = byLower;
      fromRootByExact[id] = byExact;
      state[id] = byLower >= 0 || byExact >= 0 ? STARTS_PATTERN : BEGINS_NOTHING;
      return state[id];
    }
  }

  private static long transitionKey(int node, int tokenId) {
    return ((long) node << 32) | (tokenId & 0xffffffffL);
  }

  private static boolean hasUpperCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Exact spelling, with a plural "s" after a capital or digit removed: "LLMs" is "LLM". */
  static String exactCaseKey(String surface) {
    int len = surface.length();
    if (len >= 3 && surface.charAt(len - 1) == 's') {
      char before = surface.charAt(len - 2);
      if (Character.isUpperCase(before) || Character.isDigit(before)) {
        return surface.substring(0, len - 1);
      }
    }
    return surface;
  }
}
