package io.paperpulse.cli.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InternalTopicsTest {

    @Test
    void changelogRepartitionAndJoinTopicsOfTheApplicationAreInternal() {
        InternalTopics topics = new InternalTopics("paperpulse", Set.of("paperpulse"));

        assertThat(topics.among(List.of(
                "paperpulse-paper-tags-changelog",
                "paperpulse-tag-deltas-repartition",
                "paperpulse-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-subscription-registration-topic",
                "paperpulse-KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000011-subscription-response-topic",
                "papers", "tag-counts", "papers-dlq", "_schemas", "paperpulse-notes",
                "other-paper-tags-changelog", "paperpulsex-store-changelog")))
                .containsExactly(
                        "paperpulse-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-subscription-registration-topic",
                        "paperpulse-KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000011-subscription-response-topic",
                        "paperpulse-paper-tags-changelog",
                        "paperpulse-tag-deltas-repartition");
    }

    @Test
    void topicsOfAnotherApplicationWhoseIdExtendsThisOneAreNotTaken() {
        InternalTopics topics = new InternalTopics("paperpulse", Set.of("paperpulse", "paperpulse-staging"));

        assertThat(topics.isInternal("paperpulse-staging-paper-tags-changelog")).isFalse();
        assertThat(topics.isInternal("paperpulse-paper-tags-changelog")).isTrue();
        assertThat(new InternalTopics("paperpulse-staging", Set.of("paperpulse"))
                .isInternal("paperpulse-staging-paper-tags-changelog")).isTrue();
    }
}
