package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.it.support.ExactCounts;
import io.paperpulse.it.support.FaultTests;
import io.paperpulse.it.support.GroupProgress;
import io.paperpulse.local.EmbeddedKafkaBroker;
import io.paperpulse.registry.testing.SelfSignedCertificate;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.testsupport.ChildJvm;
import io.paperpulse.testsupport.TestRegistry;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded broker whose client listener speaks SASL_SSL (PLAIN credentials, a certificate made
 * here with {@code keytool}): {@code produce}, {@code streams} and {@code consume} reach it with
 * nothing but a {@code --config} file, and clients without valid credentials are refused.
 */
@Tag(FaultTests.TAG)
class SecuredClusterTest {

  private static final Logger log = LoggerFactory.getLogger(SecuredClusterTest.class);
  private static final String STORE_PASSWORD = "store-secret";
  private static final String USER = "paperpulse";
  private static final String PASSWORD = "pp-secret";
  private static final String APP_ID = "secured";
  private static final int PAPERS = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;

  private static String plainJaas(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  private static Map<String, String> clientSecurity(Path trustStore, String password) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("security.protocol", "SASL_SSL");
    props.put("sasl.mechanism", "PLAIN");
    props.put("sasl.jaas.config", plainJaas(USER, password));
    props.put("ssl.truststore.location", trustStore.toString());
    props.put("ssl.truststore.password", STORE_PASSWORD);
    props.put("ssl.truststore.type", "PKCS12");
    return props;
  }

  private static Map<String, Object> withBootstrap(Map<String, String> security, String bootstrap) {
    Map<String, Object> props = new HashMap<>(security);
    props.put("bootstrap.servers", bootstrap);
    props.put("request.timeout.ms", 5_000);
    props.put("default.api.timeout.ms", 8_000);
    return props;
  }

  @Test
  void produceStreamsAndConsumeWorkThroughTheConfigFileAndClientsWithoutCredentialsAreRefused()
      throws Exception {
    Path keyStore = workDir.resolve("broker.p12");
    Path trustStore = workDir.resolve("trust.p12");
    SelfSignedCertificate.create(keyStore, trustStore, "broker", STORE_PASSWORD);
    Map<String, String> security = clientSecurity(trustStore, PASSWORD);

    Map<String, String> broker = new LinkedHashMap<>();
    // the client listener keeps its name and speaks SASL_SSL; the controller stays internal
    broker.put("listener.security.protocol.map", "PLAINTEXT:SASL_SSL,CONTROLLER:PLAINTEXT");
    broker.put("sasl.enabled.mechanisms", "PLAIN");
    broker.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    broker.put(
        "listener.name.plaintext.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" password=\"broker-secret\""
            + " user_broker=\"broker-secret\" user_"
            + USER
            + "=\""
            + PASSWORD
            + "\";");
    broker.put("ssl.keystore.location", keyStore.toString());
    broker.put("ssl.keystore.password", STORE_PASSWORD);
    broker.put("ssl.key.password", STORE_PASSWORD);
    broker.put("ssl.keystore.type", "PKCS12");
    broker.put("ssl.truststore.location", trustStore.toString());
    broker.put("ssl.truststore.password", STORE_PASSWORD);
    broker.put("ssl.truststore.type", "PKCS12");

    try (EmbeddedKafkaBroker kafka =
            EmbeddedKafkaBroker.builder(workDir.resolve("kafka"))
                .brokerProperties(broker)
                .clientProperties(security)
                .build();
        TestRegistry registry = new TestRegistry()) {
      kafka.start();
      String bootstrap = kafka.bootstrapServers();
      Map<String, Object> client = withBootstrap(security, bootstrap);

      // refused: a plaintext client, and one with a wrong password
      Map<String, Object> anonymous = withBootstrap(Map.of(), bootstrap);
      try (Admin admin = Admin.create(anonymous)) {
        assertThatThrownBy(
                () ->
                    admin
                        .describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                        .nodes()
                        .get())
            .as("plaintext client")
            .isInstanceOf(ExecutionException.class);
      }
      try (Admin admin =
          Admin.create(withBootstrap(clientSecurity(trustStore, "wrong"), bootstrap))) {
        assertThatThrownBy(
                () ->
                    admin
                        .describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                        .nodes()
                        .get())
            .as("wrong password")
            .hasCauseInstanceOf(SaslAuthenticationException.class);
      }

      TopicNames topics = TopicNames.unprefixed();
      try (Admin admin = Admin.create(client)) {
        admin.createTopics(List.of(new NewTopic(topics.papers(), 2, (short) 1))).all().get();
      }
      StringBuilder configText = new StringBuilder();
      security.forEach(
          (key, value) ->
              configText.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
      Path config = Files.writeString(workDir.resolve("secured.properties"), configText);
      Path input = workDir.resolve("papers.jsonl");
      try (BufferedWriter out = Files.newBufferedWriter(input)) {
        String[] subjects = {
          "Diffusion models for images",
          "Graph neural networks for chemistry",
          "Reinforcement learning for robots",
          "Language models for code"
        };
        for (int i = 0; i < PAPERS; i++) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("id", String.format("2402.%05d", i));
          line.put("title", subjects[i % subjects.length] + " " + i);
          line.put(
              "abstract", "We study " + subjects[(i + 1) % subjects.length].toLowerCase() + ".");
          line.put("publishedAt", "2024-02-" + String.format("%02d", 1 + i % 28));
          line.put("upvotes", i % 9);
          out.write(JSON.writeValueAsString(line));
          out.newLine();
        }
      }
      Path log1 = Path.of("target", "secured-cluster.log");
      Files.deleteIfExists(log1);
      List<String> common =
          List.of(
              "--bootstrap-servers",
              bootstrap,
              "--schema-registry",
              registry.url(),
              "--config",
              config.toString());

      List<String> produce = new ArrayList<>(List.of("produce"));
      produce.addAll(common);
      produce.addAll(List.of("--format", "jsonl", input.toString()));
      Process producer = ChildJvm.start(log1, produce);
      assertThat(producer.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(producer.exitValue()).as("produce exit code, see %s", log1).isZero();

      List<String> streamsArgs = new ArrayList<>(List.of("streams"));
      streamsArgs.addAll(common);
      streamsArgs.addAll(
          List.of(
              "--application-id",
              APP_ID,
              "--state-dir",
              workDir.resolve("state").toString(),
              "--partitions",
              "2",
              "--granularities",
              "month",
              "--http-port",
              "0"));
      Process streams = ChildJvm.start(log1, streamsArgs);
      ExactCounts.Verdict verdict;
      try (Admin admin = Admin.create(client)) {
        GroupProgress progress = new GroupProgress(admin, APP_ID, topics.papers());
        progress.awaitCommittedBeyond(0, Duration.ofMinutes(3));
        progress.awaitCaughtUp(Duration.ofMinutes(3), streams::isAlive);
        verdict =
            ExactCounts.verify(
                client,
                registry.client(),
                topics,
                PaperTagger.withDefaultTaxonomy(),
                List.of(Granularity.MONTH));
      } finally {
        ChildJvm.stop(streams);
      }
      assertThat(verdict.finalPapers()).hasSize(PAPERS);
      assertThat(verdict.differences()).isEmpty();
      assertThat(verdict.actual()).isNotEmpty();

      List<String> consume = new ArrayList<>(List.of("consume"));
      consume.addAll(common);
      consume.addAll(
          List.of("--topic", topics.papers(), "--from-beginning", "--idle-timeout", "5s"));
      Path consumed = workDir.resolve("consumed.jsonl");
      Process consumer = ChildJvm.start(consumed, consume);
      assertThat(consumer.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(consumer.exitValue())
          .as("consume exit code: %s", Files.readString(consumed))
          .isZero();
      List<String> ids = new ArrayList<>();
      for (String line : Files.readAllLines(consumed)) {
        if (line.startsWith("{")) {
          JsonNode record = JSON.readTree(line);
          ids.add(record.path("value").path("id").asText());
        }
      }
      assertThat(ids).hasSize(PAPERS).doesNotHaveDuplicates();
      PaperEvent any = verdict.finalPapers().values().iterator().next();
      assertThat(ids).contains(any.getId());
      log.info(
          "secured cluster figures: {} papers produced, {} tag-count keys exact, {} records consumed, over SASL_SSL",
          verdict.finalPapers().size(),
          verdict.expected().size(),
          ids.size());
    }
  }
}
