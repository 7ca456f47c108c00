package io.paperpulse.streams.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes for every topic and store of the topology. Production uses Confluent wire-format Avro
 * backed by a schema registry; keeping this an interface lets the topology stay a pure function of
 * its inputs.
 */
public interface TopologySerdes {

  /** String keys (paper ids and membership keys) as Avro "string" in wire format. */
  Serde<String> stringKey();

  /** Avro record keys. */
  <T extends SpecificRecord> Serde<T> key(Class<T> type);

  /** Avro record values. */
  <T extends SpecificRecord> Serde<T> value(Class<T> type);
}
