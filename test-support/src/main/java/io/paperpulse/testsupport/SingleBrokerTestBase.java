package io.paperpulse.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of tests that need one in-JVM KRaft node with transaction-ready single-node settings and a
 * registry server over HTTP, started once per test class.
 */
public abstract class SingleBrokerTestBase {

  protected static TestCluster cluster;
  protected static TestRegistry registry;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = TestCluster.start();
    registry = cluster.registry();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }
}
