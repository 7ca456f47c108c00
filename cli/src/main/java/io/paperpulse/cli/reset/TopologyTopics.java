package io.paperpulse.cli.reset;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topics of a streams application as its topology names them, rather than as topic names
 * suggest: another application whose id extends this one ({@code paperpulse-staging} next to {@code
 * paperpulse}) has topics that look just like this one's.
 *
 * <p>The description names the application's public topics as they are, and the topics Kafka
 * Streams creates without the {@code <application.id>-} it prefixes on the cluster: repartition
 * topics as sources and sinks, and for every state store its changelog {@code <store>-changelog}.
 * The description does not tell whether a store logs its changes: a store built without logging
 * gets no changelog on the cluster, so its name here matches no topic there.
 *
 * @param inputTopics the public topics the topology reads, sorted
 * @param internalTopics the repartition and changelog topics of the application, as named on the
 *     cluster, sorted
 */
record TopologyTopics(List<String> inputTopics, List<String> internalTopics) {

  TopologyTopics {
    inputTopics = List.copyOf(inputTopics);
    internalTopics = List.copyOf(internalTopics);
  }

  /**
   * @param publicTopics every topic of the application that is not Kafka Streams' own (inputs,
   *     outputs, dead letters); any other topic the description names is internal
   */
  static TopologyTopics of(
      String applicationId, TopologyDescription description, Collection<String> publicTopics) {
    Set<String> inputs = new TreeSet<>();
    Set<String> internal = new TreeSet<>();
    for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          if (source.topicSet() == null) {
            // a pattern matches topics that exist only on the cluster: none could be named here
            throw new IllegalArgumentException(
                "source " + source.name() + " reads topics by pattern");
          }
          for (String topic : source.topicSet()) {
            if (publicTopics.contains(topic)) {
              inputs.add(topic);
            } else {
              internal.add(applicationId + "-" + topic);
            }
          }
        } else if (node instanceof TopologyDescription.Sink sink) {
          if (sink.topic() == null) {
            throw new IllegalArgumentException(
                "sink " + sink.name() + " picks its topic per record");
          }
          if (!publicTopics.contains(sink.topic())) {
            internal.add(applicationId + "-" + sink.topic());
          }
        } else if (node instanceof TopologyDescription.Processor processor) {
          processor
              .stores()
              .forEach(store -> internal.add(applicationId + "-" + store + "-changelog"));
        }
      }
    }
    return new TopologyTopics(List.copyOf(inputs), List.copyOf(internal));
  }
}
