package io.paperpulse.cli;

import io.paperpulse.local.LocalCluster;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of command tests against one local cluster (broker and registry) per test class, with an
 * admin client.
 */
public abstract class LocalClusterTestBase {

  @TempDir protected static Path workDir;

  protected static LocalCluster cluster;
  protected static Admin admin;

  @BeforeAll
  static void startCluster() {
    cluster = LocalCluster.builder(workDir.resolve("cluster")).build().start();
    admin = Admin.create(cluster.clientProperties());
  }

  /** The connection to the cluster as the commands read it from their environment. */
  protected static Map<String, String> connection() {
    return CliRun.connection(cluster);
  }

  @AfterAll
  static void stopCluster() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }
}
