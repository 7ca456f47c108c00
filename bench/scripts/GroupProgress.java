import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Prints how far a consumer group is behind ("lag N", -1 before it committed anything) and,
 * with --ends, the end offset of every topic; with --await-no-lag MILLIS, polls every MILLIS ms in
 * this one process and returns once the lag is 0. Run as a single source file on the CLI's classpath:
 *
 * <pre>java -cp cli/target/paperpulse.jar bench/scripts/GroupProgress.java BOOTSTRAP GROUP [--ends]</pre>
 */
public class GroupProgress {
  public static void main(String[] args) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
      if (args.length > 3 && args[2].equals("--await-no-lag")) {
        // one client polling, instead of a JVM started per poll: the probe adds no start-up time
        long interval = Long.parseLong(args[3]);
        while (lag(admin, args[1], new HashMap<>()) != 0) {
          Thread.sleep(interval);
        }
        System.out.println("lag 0");
        return;
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      System.out.println("lag " + lag(admin, args[1], ends));
      if (args.length > 2 && args[2].equals("--ends")) {
        Map<String, Long> perTopic = new TreeMap<>();
        ends.forEach((partition, end) -> perTopic.merge(partition.topic(), end, Long::sum));
        perTopic.forEach((topic, end) -> System.out.println(topic + " " + end));
      }
    }
  }

  /** The group's lag over every partition it committed (-1 before any commit); fills {@code ends}. */
  private static long lag(Admin admin, String group, Map<TopicPartition, Long> ends) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values().forEach(topic ->
        topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
    admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    long lag = committed.isEmpty() ? -1 : 0;
    for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
      if (offset.getValue() != null) {
        lag += ends.get(offset.getKey()) - offset.getValue().offset();
      }
    }
    return lag;
  }
}
