package io.paperpulse.streams.topology.tagging;

import io.paperpulse.schema.TaggedPaper;

/**
 * One applied change of a paper: its tagged version before and after. {@code before} is null for a
 * new paper, {@code after} is null for a delete. Only lives between two processors of the same
 * sub-topology, so it needs no serde.
 */
public record PaperChange(TaggedPaper before, TaggedPaper after) {}
