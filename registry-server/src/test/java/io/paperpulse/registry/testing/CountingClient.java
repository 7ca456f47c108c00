package io.paperpulse.registry.testing;

import io.paperpulse.registry.client.RegisteredSchema;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** Counts the calls serdes make, to prove their caches keep the hot path off the registry. */
public final class CountingClient implements SchemaRegistryClient {

  private final SchemaRegistryClient delegate;
  public final AtomicInteger calls = new AtomicInteger();

  public CountingClient(SchemaRegistryClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public int register(String subject, Schema schema) {
    calls.incrementAndGet();
    return delegate.register(subject, schema);
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    calls.incrementAndGet();
    return delegate.lookup(subject, schema);
  }

  @Override
  public Schema getById(int id) {
    calls.incrementAndGet();
    return delegate.getById(id);
  }

  @Override
  public RegisteredSchema latestVersion(String subject) {
    calls.incrementAndGet();
    return delegate.latestVersion(subject);
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    calls.incrementAndGet();
    return delegate.version(subject, version);
  }

  @Override
  public List<String> subjects() {
    calls.incrementAndGet();
    return delegate.subjects();
  }

  @Override
  public List<Integer> versions(String subject) {
    calls.incrementAndGet();
    return delegate.versions(subject);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    calls.incrementAndGet();
    return delegate.isCompatible(subject, schema);
  }

  @Override
  public CompatibilityLevel getCompatibility(String subject) {
    calls.incrementAndGet();
    return delegate.getCompatibility(subject);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    calls.incrementAndGet();
    delegate.setCompatibility(subject, level);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
