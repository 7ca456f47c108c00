package io.paperpulse.streams.testing;

import io.paperpulse.testsupport.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of tests that need the schema registry over HTTP: one registry per test class. */
public abstract class RegistryTestBase {

  protected static TestRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = new TestRegistry();
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }
}
