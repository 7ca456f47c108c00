import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Prints how far a consumer group is behind ("lag N", -1 before it committed anything) and,
 * with --ends, the end offset of every topic; with --await-no-lag MILLIS [INPUT], polls every MILLIS
 * ms in this one process and returns once the lag is 0, and then prints when (epoch milliseconds) the
 * group's committed offsets on the topic INPUT first passed 1, a quarter and three quarters of its
 * end offset: the start of processing and the sustained rate, without the start-up.
 * Run as a single source file on the CLI's classpath:
 *
 * <pre>java -cp cli/target/paperpulse.jar bench/scripts/GroupProgress.java BOOTSTRAP GROUP [--ends]</pre>
 */
public class GroupProgress {
  public static void main(String[] args) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
      if (args.length > 3 && args[2].equals("--await-no-lag")) {
        // one client polling, instead of a JVM started per poll: the probe adds no start-up time
        long interval = Long.parseLong(args[3]);
        String input = args.length > 4 ? args[4] : null;
        long[] marks = new long[3];
        double[] fractions = {0, 0.25, 0.75};
        while (true) {
          Map<TopicPartition, Long> ends = new HashMap<>();
          Map<TopicPartition, Long> committed = new HashMap<>();
          long lag = lag(admin, args[1], ends, committed);
          long now = System.currentTimeMillis();
          if (input != null) {
            long end = sum(ends, input);
            long done = sum(committed, input);
            for (int i = 0; i < marks.length; i++) {
              if (marks[i] == 0 && done > 0 && done >= fractions[i] * end) {
                marks[i] = now;
              }
            }
          }
          if (lag == 0) {
            break;
          }
          Thread.sleep(interval);
        }
        System.out.println("lag 0");
        if (input != null) {
          System.out.println("input " + marks[0] + " " + marks[1] + " " + marks[2]);
        }
        return;
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      System.out.println("lag " + lag(admin, args[1], ends, new HashMap<>()));
      if (args.length > 2 && args[2].equals("--ends")) {
        Map<String, Long> perTopic = new TreeMap<>();
        ends.forEach((partition, end) -> perTopic.merge(partition.topic(), end, Long::sum));
        perTopic.forEach((topic, end) -> System.out.println(topic + " " + end));
      }
    }
  }

  /**
   * The group's lag over every partition it committed (-1 before any commit); fills {@code ends} and
   * {@code committed}.
   */
  private static long lag(
      Admin admin, String group, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed)
      throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values().forEach(topic ->
        topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
    admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    long lag = offsets.isEmpty() ? -1 : 0;
    for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : offsets.entrySet()) {
      if (offset.getValue() != null) {
        lag += ends.get(offset.getKey()) - offset.getValue().offset();
        committed.put(offset.getKey(), offset.getValue().offset());
      }
    }
    return lag;
  }

  private static long sum(Map<TopicPartition, Long> offsets, String topic) {
    long sum = 0;
    for (Map.Entry<TopicPartition, Long> offset : offsets.entrySet()) {
      if (offset.getKey().topic().equals(topic)) {
        sum += offset.getValue();
      }
    }
    return sum;
  }
}
