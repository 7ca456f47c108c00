package io.paperpulse.tagging.keyphrase;

/**
 * What the extractor needs to know about one word (a token, or a hyphenated compound), computed
 * once per distinct word and reused for every occurrence.
 *
 * @param lower lower case, as in a candidate's non-final positions
 * @param singular lower case, singular, as in a candidate's final position
 * @param stem Porter stem (compounds stemmed part by part)
 * @param stop true when the word cannot be part of a candidate
 * @param generic true when the word is on the generic-word list
 * @param defaultIdf inverse document frequency of the stem in the extractor's default table
 */
record WordFeatures(String lower, String singular, String stem, boolean stop, boolean generic, double defaultIdf) {}
