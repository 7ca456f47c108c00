package io.paperpulse.streams.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives Kafka Streams' state-store meters one set of tag keys whatever the store type.
 *
 * <p>Kafka Streams names a store's tag after its type ({@code rocksdb-state-id}, {@code
 * in-memory-state-id}, ...) under one metric name such as {@code state.flush.latency.avg}.
 * Prometheus requires every series of a name to have the same label names, so the meters of the
 * second store type to register were rejected (with a warning) and missing from {@code /metrics}.
 * This filter turns {@code <type>.state.id=<store>} into {@code state.id=<store>} plus {@code
 * store.type=<type>}, keeping both facts under one label set. Install it before the Kafka meters
 * are bound.
 */
public final class StateStoreTagKeys implements MeterFilter {

  static final String STATE_ID = "state.id";
  static final String STORE_TYPE = "store.type";
  private static final String STATE_ID_SUFFIX = "." + STATE_ID;

  @Override
  public Meter.Id map(Meter.Id id) {
    Tag typed = null;
    for (Tag tag : id.getTagsAsIterable()) {
      if (tag.getKey().endsWith(STATE_ID_SUFFIX)) {
        typed = tag;
        break;
      }
    }
    if (typed == null) {
      return id;
    }
    List<Tag> tags = new ArrayList<>();
    for (Tag tag : id.getTagsAsIterable()) {
      if (tag != typed) {
        tags.add(tag);
      }
    }
    String type = typed.getKey().substring(0, typed.getKey().length() - STATE_ID_SUFFIX.length());
    tags.add(Tag.of(STATE_ID, typed.getValue()));
    tags.add(Tag.of(STORE_TYPE, type));
    return id.replaceTags(tags);
  }
}
