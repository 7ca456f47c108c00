package io.paperpulse.tagging.topic;

import java.util.List;

/**
 * One topic of the taxonomy.
 *
 * @param name canonical tag name, lower case
 * @param aliases other ways of writing the topic, matched after normalization (case, plurals,
 *     possessives, hyphens); a word containing an upper-case letter is matched case-sensitively
 * @param acronyms short forms such as "LLM" or "KV cache", matched case-sensitively on their
 *     upper-case words (a plural "s" is allowed: "LLMs")
 * @param parent canonical name of the broader topic, or null
 */
public record TaxonomyEntry(
    String name, List<String> aliases, List<String> acronyms, String parent) {
  public TaxonomyEntry {
    aliases = List.copyOf(aliases);
    acronyms = List.copyOf(acronyms);
  }
}
