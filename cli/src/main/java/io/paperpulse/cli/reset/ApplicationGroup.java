package io.paperpulse.cli.reset;

import org.apache.kafka.common.GroupType;

/**
 * The group a streams application uses on the cluster: a classic consumer group by default, a
 * streams group when the application runs with {@code group.protocol=streams} (KIP-1071).
 *
 * @param state the group state as the broker reports it (e.g. Empty, Stable)
 * @param active whether members are connected, i.e. an instance of the application is running
 */
record ApplicationGroup(GroupType type, String state, boolean active) {

  /** "consumer group" or "streams group", as Kafka's tools call them. */
  String kind() {
    return type == GroupType.STREAMS ? "streams group" : "consumer group";
  }
}
