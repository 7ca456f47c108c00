package io.paperpulse.it.support;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the fault tests that need one in-JVM KRaft node with transaction-ready single-node
 * settings and a registry server over HTTP, started once per test class.
 */
public abstract class SingleBrokerFaultTest {

  protected static KafkaClusterTestKit cluster;
  protected static TestRegistry registry;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    registry = new TestRegistry();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }
}
