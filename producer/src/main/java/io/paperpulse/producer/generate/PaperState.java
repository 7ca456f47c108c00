package io.paperpulse.producer.generate;

import java.time.LocalDate;

/**
 * The few numbers a synthetic paper version is rebuilt from, so that the generator can keep
 * millions of live papers (to update or delete them later) without keeping their text.
 *
 * @param id arXiv-style id
 * @param textSeed fixes the title, topic and system name for the paper's whole life
 * @param abstractSeed fixes the abstract's wording; an update may draw a new one
 * @param publishedOn publication date
 * @param upvotes upvote count
 * @param authorCount number of authors
 * @param sequence sequence number of the event that wrote this version
 */
record PaperState(
    String id,
    long textSeed,
    long abstractSeed,
    LocalDate publishedOn,
    int upvotes,
    int authorCount,
    long sequence) {}
