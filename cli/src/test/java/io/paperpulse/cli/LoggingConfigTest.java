package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The application's logback.xml is only read by the packaged app, so a broken one would go
 * unnoticed.
 */
class LoggingConfigTest {

  @Test
  void applicationLoggingConfigParsesAndIsQuiet() throws Exception {
    URL config = getClass().getResource("/logback.xml");
    assertThat(config).isNotNull();
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);

    assertThat(context.getStatusManager().getCopyOfStatusList())
        .noneMatch(status -> status.getLevel() >= Status.WARN);
    assertThat(context.getLogger("io.paperpulse").getEffectiveLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("org.apache.kafka.clients.producer").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    context.stop();
  }
}
