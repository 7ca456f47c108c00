package io.paperpulse.tagging.keyphrase;

/** In how many documents of a reference corpus each word stem occurs. */
public interface DocumentFrequencies {

  /** Number of documents in the reference corpus. */
  int documentCount();

  /** Number of documents containing the Porter stem; 0 when unseen. */
  int frequency(String stem);

  /** Smoothed inverse document frequency; unseen stems score highest. */
  default double idf(String stem) {
    return Math.log((documentCount() + 1.0) / (frequency(stem) + 1.0));
  }
}
