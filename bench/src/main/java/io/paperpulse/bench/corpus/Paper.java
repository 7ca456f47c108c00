package io.paperpulse.bench.corpus;

/** Title and abstract of one paper, the tagger's input. */
public record Paper(String title, String abstractText) {}
