package io.paperpulse.tagging.keyphrase;

/**
 * An extracted keyphrase.
 *
 * @param name display and tag name: lower case, last word singular ("graph neural network")
 * @param key Porter-stemmed words joined by spaces: variants of one phrase share it
 * @param score relevance within the paper; higher is more relevant
 */
public record Keyphrase(String name, String key, double score) {}
