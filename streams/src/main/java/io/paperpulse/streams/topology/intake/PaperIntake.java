package io.paperpulse.streams.topology.intake;

import io.paperpulse.schema.PaperEvent;

/** Outcome of checking one record of the papers topic: errors are data, not exceptions. */
public sealed interface PaperIntake {

  /** A paper version to apply, or a delete when {@code paper} is null. */
  record Accepted(PaperEvent paper) implements PaperIntake {
    public boolean isDelete() {
      return paper == null;
    }
  }

  /** A record that goes to the dead-letter topic instead. */
  record Rejected(DeadLetter deadLetter) implements PaperIntake, DeadLetter.Carrier {}
}
