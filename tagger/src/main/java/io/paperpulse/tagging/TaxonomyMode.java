package io.paperpulse.tagging;

/** How a user taxonomy file combines with the shipped one. */
public enum TaxonomyMode {
  /** Entries of the file are added; an entry with an existing name replaces it. */
  EXTEND,
  /** The file is the whole taxonomy. */
  REPLACE
}
