package io.paperpulse.bench.serde;

import io.paperpulse.bench.corpus.Paper;
import io.paperpulse.bench.corpus.SampleCorpus;
import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.server.InMemorySchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;
import io.paperpulse.schema.PaperEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second through the project's Confluent wire-format serde for {@link PaperEvent}, in
 * both directions. The serde talks to a real embedded registry on an ephemeral port; after the
 * first record its schema id is cached, so the figures are those of the steady state of a producer
 * or a streams task. Records are the 48 sample papers, visited round-robin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SerdeBenchmark {
  private static final String TOPIC = "papers";

  private SchemaRegistryServer registry;
  private SchemaRegistryClient client;
  private SpecificAvroSerde<PaperEvent> serde;
  private Serializer<PaperEvent> serializer;
  private Deserializer<PaperEvent> deserializer;
  private PaperEvent[] events;
  private byte[][] encoded;

  /** Each benchmark thread walks the records on its own. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    int advance(int size) {
      int current = next;
      next = current + 1 == size ? 0 : current + 1;
      return current;
    }
  }

  @Setup
  public void setUp() {
    registry = new SchemaRegistryServer(0, new InMemorySchemaStore()).start();
    client = new RestSchemaRegistryClient(registry.url());
    serde = SpecificAvroSerde.of(PaperEvent.class, client, false);
    serializer = serde.serializer();
    deserializer = serde.deserializer();
    List<Paper> papers = SampleCorpus.papers();
    events = new PaperEvent[papers.size()];
    encoded = new byte[papers.size()][];
    Instant published = Instant.parse("2024-12-09T00:00:00Z");
    for (int i = 0; i < events.length; i++) {
      Paper p = papers.get(i);
      events[i] =
          PaperEvent.newBuilder()
              .setId("2412." + String.format("%05d", 10_000 + i))
              .setTitle(p.title())
              .setAbstract$(p.abstractText())
              .setAuthors(List.of("A. Author", "B. Author", "C. Author"))
              .setAuthorCount(3)
              .setPublishedAt(published.minus(i % 7, ChronoUnit.DAYS))
              .setUpvotes(i * 3)
              .setSource("hf-page")
              .setUrl("https://huggingface.co/papers/2412." + (10_000 + i))
              .setArxivId("2412." + (10_000 + i))
              .setCategories(List.of("cs.CL", "cs.LG"))
              .setIngestedAt(published)
              .build();
      encoded[i] = serializer.serialize(TOPIC, events[i]);
    }
  }

  @TearDown
  public void tearDown() {
    serde.close();
    client.close();
    registry.close();
  }

  @Benchmark
  public byte[] serialize(Cursor cursor) {
    return serializer.serialize(TOPIC, events[cursor.advance(events.length)]);
  }

  @Benchmark
  public PaperEvent deserialize(Cursor cursor) {
    return deserializer.deserialize(TOPIC, encoded[cursor.advance(encoded.length)]);
  }
}
