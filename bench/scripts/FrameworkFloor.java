import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TagDayDelta;
import io.paperpulse.schema.TagKind;
import io.paperpulse.streams.app.ProcessingGuarantee;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.topology.counts.Count;
import io.paperpulse.streams.topology.counts.CountStore;
import io.paperpulse.streams.topology.counts.CountTable;
import io.paperpulse.tagging.PaperTagger;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The cost Kafka Streams itself puts on a paper, whatever the topology: a Streams application
 * that reads {@code papers} (registry Avro, like the real one), writes OUTPUTS {@code TagCount}
 * records per paper to one output topic and puts STATE records per paper into a logged store
 * without cache (one changelog record each), and does nothing else: no tagging, no reads, no
 * ranking. With the real application's records written per paper it is the floor that no
 * topology on Kafka Streams can go below on the same machine. It commits at the application's
 * default interval (1 s) with its record cache size. Run by {@code framework-floor.sh}.
 *
 * <p>With the mode {@code counting}, OUTPUTS and STATE are ignored: each paper is tagged with the
 * application's tagger and every (tag, granularity, bucket) count of its tags is read and written
 * in the application's {@link CountStore}, which writes each changed count once per commit to its
 * changelog and to the output, as the application's counting step does; nothing is retracted,
 * repartitioned, ranked or alerted. It is what tagging and exact counting cost, the part of the
 * application's work that the data contract fixes.
 *
 * <pre>java -cp paperpulse.jar FrameworkFloor BOOTSTRAP REGISTRY STATE_DIR GUARANTEE OUTPUTS STATE [counting]</pre>
 */
public class FrameworkFloor {

  public static void main(String[] args) throws Exception {
    String registry = args[1];
    int outputs = Integer.parseInt(args[4]);
    int stateWrites = Integer.parseInt(args[5]);
    Map<String, String> serdeConfig = Map.of("schema.registry.url", registry);
    SpecificAvroSerde<PaperEvent> papers = new SpecificAvroSerde<>(PaperEvent.class);
    papers.configure(serdeConfig, false);
    SpecificAvroSerde<TagCountKey> keys = new SpecificAvroSerde<>(TagCountKey.class);
    keys.configure(serdeConfig, true);
    SpecificAvroSerde<TagCount> counts = new SpecificAvroSerde<>(TagCount.class);
    counts.configure(serdeConfig, false);

    boolean counting = args.length > 6 && args[6].equals("counting");
    StreamsBuilder builder = new StreamsBuilder();
    if (counting) {
      builder.addStateStore(CountStore.builder("floor-state", Granularity.DEFAULTS, Map.of()));
    } else {
      builder.addStateStore(
          Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("floor-state"), keys, counts)
              .withCachingDisabled());
    }
    builder.stream("papers", Consumed.with(Serdes.ByteArray(), papers))
        .process(
            () -> counting ? new Counting() : new FanOut(outputs, stateWrites), "floor-state")
        .to("floor-out", Produced.with(keys, counts));

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "paperpulse");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(StreamsConfig.STATE_DIR_CONFIG, args[2]);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, args[3]);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    // the application's defaults: counts are written at commits, de-duplicated by the record cache
    props.put(
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        PaperPulseStreamsConfig.defaultCommitIntervalMs(ProcessingGuarantee.parse(args[3])));
    props.put(
        StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
        PaperPulseStreamsConfig.STATESTORE_CACHE_MAX_BYTES_DEFAULT);
    props.putAll(PaperPulseStreamsConfig.PRODUCER_DEFAULTS);
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      streams.start();
      stopped.await();
    }
  }

  static LocalDate publicationDay(PaperEvent paper) {
    return LocalDate.ofInstant(paper.getPublishedAt(), java.time.ZoneOffset.UTC);
  }

  /** Tags a paper and adds it to the count of each of its tags in every default granularity. */
  static final class Counting implements Processor<byte[], PaperEvent, TagCountKey, TagCount> {
    private final PaperTagger tagger = PaperTagger.withDefaultTaxonomy();
    private ProcessorContext<TagCountKey, TagCount> context;
    private CountStore store;

    @Override
    public void init(ProcessorContext<TagCountKey, TagCount> context) {
      this.store = context.getStateStore("floor-state");
      store.onFlush(
          context,
          (key, count, timestamp) ->
              context.forward(new Record<>(key.toAvro(), count.toTagCount(key), timestamp)));
    }

    @Override
    public void process(Record<byte[], PaperEvent> record) {
      if (record.value() != null) {
        count(record.value(), publicationDay(record.value()), record.timestamp());
      }
    }

    /** Adds the paper as the application adds a new paper's tags: one +1 delta per tag and day. */
    private void count(PaperEvent paper, LocalDate day, long timestamp) {
      CountTable table = store.table();
      for (Tag tag : tagger.tag(paper.getTitle(), paper.getAbstract$())) {
        TagDayDelta delta =
            new TagDayDelta(tag.getName(), day, tag.getKind(), 1, (long) paper.getUpvotes());
        int number = table.tagNumber(tag.getName());
        for (Granularity granularity : Granularity.DEFAULTS) {
          long code = CountTable.code(number, granularity, granularity.bucketStart(day));
          store.put(code, Count.apply(table.get(code), delta), timestamp);
        }
      }
    }
  }

  /** Writes the fixed number of records per paper, with keys as many as the real ones differ. */
  static final class FanOut implements Processor<byte[], PaperEvent, TagCountKey, TagCount> {
    private static final String[] GRANULARITIES = {"day", "week", "month", "year"};
    private final int outputs;
    private final int stateWrites;
    private ProcessorContext<TagCountKey, TagCount> context;
    private KeyValueStore<TagCountKey, TagCount> store;

    FanOut(int outputs, int stateWrites) {
      this.outputs = outputs;
      this.stateWrites = stateWrites;
    }

    @Override
    public void init(ProcessorContext<TagCountKey, TagCount> context) {
      this.context = context;
      this.store = context.getStateStore("floor-state");
    }

    @Override
    public void process(Record<byte[], PaperEvent> record) {
      if (record.value() != null) {
        process(record, record.value(), publicationDay(record.value()));
      }
    }

    private void process(Record<byte[], PaperEvent> record, PaperEvent paper, LocalDate day) {
      for (int i = 0; i < Math.max(outputs, stateWrites); i++) {
        TagCountKey key =
            new TagCountKey(
                "tag " + (paper.getId().hashCode() + i * 7919) % 20_000,
                GRANULARITIES[i % GRANULARITIES.length],
                day);
        TagCount count =
            new TagCount(key.getTag(), TagKind.KEYPHRASE, key.getGranularity(), day, day, (long) i, 10L * i);
        if (i < stateWrites) {
          store.put(key, count);
        }
        if (i < outputs) {
          context.forward(record.withKey(key).withValue(count));
        }
      }
    }
  }
}
