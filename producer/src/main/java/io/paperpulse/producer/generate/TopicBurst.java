package io.paperpulse.producer.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A topic that suddenly becomes popular: a {@code share} of the papers published in
 * [{@code from}, {@code to}] (inclusive) are about {@code phrase}, so a trend detector has
 * something to find. Outside the window the phrase is never the main topic.
 */
public record TopicBurst(String phrase, LocalDate from, LocalDate to, double share) {

    public TopicBurst {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (phrase.isBlank()) {
            throw new IllegalArgumentException("burst phrase is empty");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("burst window ends before it starts: " + from + " .. " + to);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("burst share must be in (0, 1]: " + share);
        }
    }

    boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
