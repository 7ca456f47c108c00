package io.paperpulse.streams.topology.output;

import io.paperpulse.streams.topology.intake.DeadLetter;

/** An output record after the size check before its sink: errors are data, not exceptions. */
public sealed interface SinkOutput {

  /** Serialized value that fits the topic; the key travels as the record key. */
  record Writable(byte[] value) implements SinkOutput {}

  /** A record that cannot be written (too large or not serializable), as its dead letter. */
  record Unwritable(DeadLetter deadLetter) implements SinkOutput, DeadLetter.Carrier {}
}
