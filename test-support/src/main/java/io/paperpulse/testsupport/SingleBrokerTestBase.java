package io.paperpulse.testsupport;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * The arguments of a {@code paperpulse} command connected to this class's broker and registry,
   * for a child JVM.
   */
  protected static List<String> connected(String command, String... more) {
    List<String> args = new ArrayList<>();
    args.add(command);
    args.addAll(
        List.of(
            "--bootstrap-servers",
            cluster.bootstrapServers(),
            "--schema-registry",
            registry.url()));
    args.addAll(List.of(more));
    return List.copyOf(args);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }
}
