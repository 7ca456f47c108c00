package io.paperpulse.producer.generate;

import io.paperpulse.schema.PaperEvent;

/**
 * One event of a synthetic stream, in the order it is to be published.
 *
 * @param sequence 0-based position in the stream
 * @param kind what the event does to its paper
 * @param id the paper id, the Kafka key
 * @param paper the new version of the paper, null for a delete (a tombstone)
 */
public record GeneratedEvent(long sequence, Kind kind, String id, PaperEvent paper) {

  public enum Kind {
    /** A paper id seen for the first time. */
    INSERT,
    /** A new version of a live paper: changed abstract, date or upvotes. */
    UPDATE,
    /** A delete of a live paper, published as a null value. */
    DELETE
  }
}
