package io.paperpulse.tagging.eval;

import java.util.List;

/**
 * One Inspec abstract with its gold keyphrases.
 *
 * @param uncontrolledKeys the indexers' free keyphrases (the usual gold standard)
 * @param controlledKeys thesaurus terms, kept for reference; not used for scoring
 */
public record InspecDocument(
    int id,
    String title,
    String abstractText,
    List<String> uncontrolledKeys,
    List<String> controlledKeys) {
  public InspecDocument {
    uncontrolledKeys = List.copyOf(uncontrolledKeys);
    controlledKeys = List.copyOf(controlledKeys);
  }
}
