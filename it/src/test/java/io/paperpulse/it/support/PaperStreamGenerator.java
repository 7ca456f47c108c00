package io.paperpulse.it.support;

import io.paperpulse.producer.generate.GenerateJob;
import io.paperpulse.producer.generate.GenerateOptions;
import io.paperpulse.producer.generate.GenerateResult;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes a synthetic paper stream (inserts, updates, deletes) in the background with the
 * project's generator.
 */
public final class PaperStreamGenerator {

  private PaperStreamGenerator() {}

  public static CompletableFuture<GenerateResult> start(
      Map<String, Object> clientProperties,
      SchemaRegistryClient registry,
      GenerateOptions options) {
    var keys = StringAvroSerde.of(registry, true).serializer();
    var values = SpecificAvroSerde.of(PaperEvent.class, registry, false).serializer();
    GenerateJob job = new GenerateJob(clientProperties, keys, values);
    return CompletableFuture.supplyAsync(() -> job.run(options));
  }
}
