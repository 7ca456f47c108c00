import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Prints how far a consumer group is behind ("lag N", -1 before it committed anything) and,
 * with --ends, the end offset of every topic. Run as a single source file on the CLI's classpath:
 *
 * <pre>java -cp cli/target/paperpulse.jar bench/scripts/GroupProgress.java BOOTSTRAP GROUP [--ends]</pre>
 */
public class GroupProgress {
  public static void main(String[] args) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values().forEach(topic ->
          topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));

      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(args[1]).partitionsToOffsetAndMetadata().get();
      long lag = committed.isEmpty() ? -1 : 0;
      for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
        if (offset.getValue() != null) {
          lag += ends.get(offset.getKey()) - offset.getValue().offset();
        }
      }
      System.out.println("lag " + lag);
      if (args.length > 2 && args[2].equals("--ends")) {
        Map<String, Long> perTopic = new TreeMap<>();
        ends.forEach((partition, end) -> perTopic.merge(partition.topic(), end, Long::sum));
        perTopic.forEach((topic, end) -> System.out.println(topic + " " + end));
      }
    }
  }
}
