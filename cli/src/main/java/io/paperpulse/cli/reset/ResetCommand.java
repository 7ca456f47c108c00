package io.paperpulse.cli.reset;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.kafka.KafkaOptions;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.topology.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Resets the streams application so the next start reprocesses all input from scratch (after a
 * taxonomy change, for instance), the way Kafka documents it: its streams reset tool rewinds the
 * input offsets and deletes the internal topics, {@code KafkaStreams#cleanUp()} deletes the local
 * state. The topics come from the topology. Destructive, so it only acts with {@code --yes};
 * without it, it prints what it would do and exits 2. Run it on every machine that ran an instance,
 * or wipe their state directories: local state elsewhere is out of reach, and a stale one would be
 * restored over the fresh start.
 */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Reset the streams application with Kafka's streams reset tool: rewind its",
      "committed input offsets to the earliest, delete its internal changelog and",
      "repartition topics, and its local state, so the next start reprocesses the",
      "input. Every instance must be stopped. Asks for --yes; output topics are kept."
    })
public final class ResetCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private KafkaOptions kafka;

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      defaultValue = PaperPulseStreamsConfig.APPLICATION_ID_DEFAULT,
      description =
          "Application id of the streams application to reset (default: ${DEFAULT-VALUE}).")
  private String applicationId;

  // Same default as the streams command, so a reset on the machine that ran it finds its state.
  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "data/streams-state",
      description =
          "State directory the streams application used; its state under <DIR>/<application-id> "
              + "is deleted (default: ${DEFAULT-VALUE}).")
  private Path stateDir;

  @Option(
      names = "--yes",
      description = "Confirm: really reset. Without it the command only lists what it would do.")
  private boolean confirmed;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TopicNames topicNames = new TopicNames(kafka.topicPrefix());
    Topology topology = ApplicationTopology.build(topicNames);
    TopologyTopics topics = TopologyTopics.of(applicationId, topology.describe(), topicNames.all());
    Map<String, Object> clientProperties = kafka.kafkaClientProperties();
    ResetPlan plan;
    try (Admin admin = Admin.create(clientProperties)) {
      plan = ResetPlan.find(admin, applicationId, topics, stateDir);
    }
    Optional<String> obstacle = plan.obstacle();
    if (obstacle.isPresent()) {
      err.println("reset: " + obstacle.get());
      err.flush();
      return ExitCodes.FAILURE;
    }
    if (plan.nothingToDo()) {
      out.println("nothing to reset for application '" + applicationId + "'");
      out.flush();
      return ExitCodes.OK;
    }
    if (!confirmed) {
      err.println("reset: refusing to change anything without --yes. It would:");
      plan.actions().forEach(action -> err.println("  " + action));
      err.flush();
      return ExitCodes.USAGE;
    }
    // The cluster goes first: should the tool refuse (an instance started in between), nothing is
    // lost yet.
    if (!plan.rewoundTopics().isEmpty() || !plan.internalTopics().isEmpty()) {
      new StreamsResetTool(clientProperties)
          .run(applicationId, plan.rewoundTopics(), plan.internalTopics());
    }
    if (plan.localState().isPresent()) {
      cleanUpLocalState(topology, clientProperties);
    }
    plan.actions().forEach(action -> out.println("done: " + action));
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Kafka Streams deletes its own state: a {@code KafkaStreams} of the same application id and
   * state directory, never started, cleans up and closes. Only called when the directory exists, as
   * the instance creates it.
   */
  private void cleanUpLocalState(Topology topology, Map<String, Object> clientProperties) {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (KafkaStreams streams = new KafkaStreams(topology, properties)) {
      streams.cleanUp();
    }
  }
}
