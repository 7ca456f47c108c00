package io.paperpulse.registry.serde;

/** Confluent's default TopicNameStrategy: {@code <topic>-key} and {@code <topic>-value}. */
public final class SubjectNames {

  private SubjectNames() {}

  public static String forTopic(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
