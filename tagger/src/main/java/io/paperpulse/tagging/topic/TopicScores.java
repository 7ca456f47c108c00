package io.paperpulse.tagging.topic;

import java.util.Arrays;

/**
 * The topic scores of one paper: a dense score per topic plus the list of topics that have one, so
 * that clearing, propagating and ranking cost what the paper mentions, not the size of the taxonomy
 * (a paper names a handful of its 400 topics). Not thread-safe: one per thread, reused from paper
 * to paper through {@link #clear}.
 */
public final class TopicScores {
  private final double[] direct;
  private final double[] total;
  private final boolean[] listed;
  private final int[] topics;
  private int size;

  TopicScores(int topicCount) {
    direct = new double[topicCount];
    total = new double[topicCount];
    listed = new boolean[topicCount];
    topics = new int[topicCount];
  }

  /** Forgets the previous paper. */
  public void clear() {
    for (int i = 0; i < size; i++) {
      int t = topics[i];
      direct[t] = 0;
      total[t] = 0;
      listed[t] = false;
    }
    size = 0;
  }

  /** Number of topics with a score: mentioned, or an ancestor of one mentioned. */
  public int size() {
    return size;
  }

  /** The {@code i}-th topic with a score, {@code 0 <= i < size()}. */
  public int topic(int i) {
    return topics[i];
  }

  /** A topic's own mentions plus what its descendants passed up (after {@link #propagate}). */
  public double total(int topic) {
    return total[topic];
  }

  void addMention(int topic, double weight) {
    list(topic);
    direct[topic] += weight;
  }

  /**
   * Adds each mentioned topic's score, scaled by {@code share} per level, to its ancestors. Topics
   * are visited in index order, the order of a full pass over the taxonomy, so every total is the
   * same sum in the same order as if all topics were visited.
   */
  void propagate(int[] parentOf, double share, int maxDepth) {
    int mentioned = size;
    Arrays.sort(topics, 0, mentioned);
    for (int i = 0; i < mentioned; i++) {
      int t = topics[i];
      if (direct[t] == 0) {
        continue;
      }
      total[t] += direct[t];
      double carried = direct[t];
      int p = parentOf[t];
      for (int depth = 0; p >= 0 && depth < maxDepth; depth++) {
        carried *= share;
        total[p] += carried;
        list(p);
        p = parentOf[p];
      }
    }
  }

  private void list(int topic) {
    if (!listed[topic]) {
      listed[topic] = true;
      topics[size++] = topic;
    }
  }
}
