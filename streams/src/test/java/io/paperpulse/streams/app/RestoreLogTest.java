package io.paperpulse.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RestoreLogTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(RestoreLog.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final RestoreLog restores = new RestoreLog();
  private final TopicPartition changelog = new TopicPartition("app-paper-tags-changelog", 2);

  @BeforeEach
  void attach() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(lines);
  }

  @Test
  void aRestoreIsLoggedWhenItBeginsAndWhenItEndsWithTheRecordsRead() {
    restores.onRestoreStart(changelog, "paper-tags", 10, 510);
    restores.onBatchRestored(changelog, "paper-tags", 300, 290);
    restores.onRestoreEnd(changelog, "paper-tags", 500);

    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .hasSize(2)
        .satisfies(
            messages -> {
              assertThat(messages.get(0))
                  .isEqualTo("restoring paper-tags partition 2 from offset 10 to 510");
              assertThat(messages.get(1))
                  .startsWith("restored paper-tags partition 2: 500 records in ");
            });
  }

  @Test
  void aStoreWithNothingToReadIsNotLogged() {
    restores.onRestoreStart(changelog, "paper-tags", 510, 510);
    restores.onRestoreEnd(changelog, "paper-tags", 0);

    assertThat(lines.list).isEmpty();
  }

  @Test
  void aSuspendedRestoreSaysHowFarItGot() {
    restores.onRestoreStart(changelog, "paper-tags", 0, 1000);
    restores.onRestoreSuspended(changelog, "paper-tags", 400);

    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .last()
        .asString()
        .startsWith("restore of paper-tags partition 2 suspended after 400 records in ");
  }
}
