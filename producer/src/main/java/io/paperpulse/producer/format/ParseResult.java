package io.paperpulse.producer.format;

import io.paperpulse.schema.PaperEvent;

/** One record read from an input: a paper, a delete, or an error kept as data. */
public sealed interface ParseResult {

    /** 1-based line where the record starts in its input. */
    int line();

    /** A valid paper; {@code event.getId()} is its Kafka key. */
    record Paper(int line, PaperEvent event) implements ParseResult {
        public String id() {
            return event.getId();
        }
    }

    /** A delete of the paper with this id (published as a null value). */
    record Tombstone(int line, String id) implements ParseResult {
    }

    /** A record that could not be read; nothing of it is published. */
    record Invalid(ParseError error) implements ParseResult {
        @Override
        public int line() {
            return error.line();
        }
    }
}
