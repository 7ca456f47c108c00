package io.paperpulse.cli.topics;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.kafka.KafkaOptions;
import io.paperpulse.streams.app.TopicProvisioner;
import io.paperpulse.streams.topology.TopicNames;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Creates the public topics ahead of the streams application, or verifies them, so a platform team
 * can provision them with their own partitions and replication (the application only creates what
 * is missing and never changes an existing topic). Prints one line per topic on stdout; any topic
 * that is missing (with {@code --verify}) or differs from the expected layout makes the exit code
 * 1.
 */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Create the paperpulse topics that are missing, or check them with --verify:",
      "partitions, replication and cleanup.policy (compact for papers, papers-tagged, tag-counts,",
      "trending-tags; delete for papers-dlq). Exit 1 when a topic is missing or differs."
    })
public final class TopicsCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private KafkaOptions kafka;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Partitions of every topic (default: ${DEFAULT-VALUE}, as the streams application creates them).")
  private int partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Replicas of every partition (default: ${DEFAULT-VALUE}; use 3 on a production cluster).")
  private short replicationFactor;

  @Option(names = "--verify", description = "Only check the topics; create nothing.")
  private boolean verifyOnly;

  @Override
  public Integer call() throws InterruptedException {
    if (partitions < 1 || replicationFactor < 1) {
      throw new ParameterException(
          spec.commandLine(), "--partitions and --replication-factor must be at least 1");
    }
    // KafkaOptions knows the prefix only through topic(name): the prefix is the name of the empty
    // topic.
    TopicNames topics = new TopicNames(kafka.topic(""));
    List<ExpectedTopic> expected = ExpectedTopic.layout(topics, partitions, replicationFactor);
    try (Admin admin = Admin.create(kafka.kafkaClientProperties())) {
      Set<String> created =
          verifyOnly
              ? Set.of()
              : Set.copyOf(
                  new TopicProvisioner(admin).createMissing(topics, partitions, replicationFactor));
      List<TopicVerdict> verdicts = new TopicLayoutVerifier(admin).verify(expected);
      return report(verdicts, created);
    }
  }

  private int report(List<TopicVerdict> verdicts, Set<String> created) {
    PrintWriter out = spec.commandLine().getOut();
    int width =
        verdicts.stream().mapToInt(verdict -> verdict.expected().name().length()).max().orElse(0);
    long wrong = 0;
    for (TopicVerdict verdict : verdicts) {
      String name = verdict.expected().name();
      String status =
          created.contains(name) && verdict.ok()
              ? "created (" + verdict.expected().settings() + ")"
              : verdict.summary();
      out.printf("%-" + width + "s  %s%n", name, status);
      if (!verdict.ok()) {
        wrong++;
      }
    }
    out.flush();
    if (wrong > 0) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "topics: "
              + wrong
              + " of "
              + verdicts.size()
              + " topics "
              + (verifyOnly ? "are missing or " : "")
              + "differ from the expected layout; existing topics are never changed, fix them with your "
              + "cluster's tools (kafka-topics.sh --alter, kafka-configs.sh) or recreate them");
      err.flush();
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
