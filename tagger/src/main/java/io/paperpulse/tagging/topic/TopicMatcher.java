package io.paperpulse.tagging.topic;

import io.paperpulse.tagging.text.TokenizedText;
import io.paperpulse.tagging.text.Word;
import io.paperpulse.tagging.text.Tokenizer;
import java.util.ArrayList;
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
 * word's trie ids are looked up once and then kept on the shared {@link Word}, so a token that
 * begins no pattern costs a field read and a trie step costs one probe of a primitive hash map.
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
   * Compiles a taxonomy. Throws IllegalArgumentException naming every parent that is not a topic
   * of the taxonomy and every pattern that has no words.
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
      throw new IllegalArgumentException("invalid taxonomy " + taxonomy.version() + ": "
          + String.join("; ", problems));
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
      int id = hasUpperCase(surface)
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
  public void score(TokenizedText title, double titleWeight, TokenizedText body, double parentShare,
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
    int n = text.size();
    int mentions = 0;
    int i = 0;
    while (i < n) {
      // Most tokens begin no pattern: one look at the word's ids rules them out.
      long best = idsOf(text.word(i)).startsPattern ? longestMatch(text, i, ROOT, i) : -1;
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

  /** Longest match starting at token {@code start}: (topic << 32 | end index), or -1. */
  private long longestMatch(TokenizedText text, int start, int node, int pos) {
    if (pos >= text.size() || (pos > start && text.phraseBreakBefore(pos))) {
      return -1;
    }
    WordIds ids = idsOf(text.word(pos));
    long best = extend(text, start, node, pos, ids.lower, -1);
    return extend(text, start, node, pos, ids.exact, best);
  }

  /** {@code best} improved by following token id {@code id} from {@code node}, if that leads to a longer match. */
  private long extend(TokenizedText text, int start, int node, int pos, int id, long best) {
    if (id < 0) {
      return best;
    }
    int next = transitions.get(transitionKey(node, id));
    if (next < 0) {
      return best;
    }
    long deeper = longestMatch(text, start, next, pos + 1);
    if (deeper >= 0 && (best < 0 || (int) deeper > (int) best)) {
      return deeper;
    }
    if (deeper < 0 && terminals[next] >= 0 && (best < 0 || pos + 1 > (int) best)) {
      return ((long) terminals[next] << 32) | (pos + 1);
    }
    return best;
  }

  /** The trie ids of a word, looked up once per distinct word and kept on it. */
  private WordIds idsOf(Word word) {
    Word.Note known = word.note(this);
    if (known != null) {
      return (WordIds) known;
    }
    int lower = lowerCaseIds.getOrDefault(word.singular(), -1);
    String surface = word.surface();
    int exact = hasUpperCase(surface) ? exactCaseIds.getOrDefault(exactCaseKey(surface), -1) : -1;
    boolean starts = (lower >= 0 && transitions.get(transitionKey(ROOT, lower)) >= 0)
        || (exact >= 0 && transitions.get(transitionKey(ROOT, exact)) >= 0);
    WordIds ids = new WordIds(this, lower, exact, starts);
    word.attach(ids);
    return ids;
  }

  /** Token ids of a word in the trie's two vocabularies (-1: absent), and whether any pattern begins with it. */
  private static final class WordIds extends Word.Note {
    final int lower;
    final int exact;
    final boolean startsPattern;

    WordIds(TopicMatcher owner, int lower, int exact, boolean startsPattern) {
      super(owner);
      this.lower = lower;
      this.exact = exact;
      this.startsPattern = startsPattern;
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
