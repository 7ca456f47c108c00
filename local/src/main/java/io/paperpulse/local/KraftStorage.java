package io.paperpulse.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does, but only once: a
 * directory that already carries {@code meta.properties} keeps its cluster id, topics and offsets.
 */
final class KraftStorage {

  private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);
  private static final String META_PROPERTIES = "meta.properties";

  private KraftStorage() {}

  static boolean isFormatted(Path logDir) {
    return Files.isRegularFile(logDir.resolve(META_PROPERTIES));
  }

  /** Formats {@code logDir} for a static-quorum combined node unless it is formatted already. */
  static void formatIfNeeded(Path logDir, int nodeId, String controllerListenerName)
      throws Exception {
    if (isFormatted(logDir)) {
      LOG.debug("Reusing formatted KRaft storage in {}", logDir);
      return;
    }
    Files.createDirectories(logDir);
    String clusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
    new Formatter()
        .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
        .setNodeId(nodeId)
        .setClusterId(clusterId)
        .setDirectories(List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setControllerListenerName(controllerListenerName)
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .run();
    LOG.info("Formatted KRaft storage in {} (cluster id {})", logDir, clusterId);
    LOG.debug("Formatter output: {}", formatterOutput.toString(StandardCharsets.UTF_8).strip());
  }
}
