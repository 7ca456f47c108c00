package io.paperpulse.cli.watch;

import java.util.function.Consumer;

/**
 * Assembles Server-Sent Events from the lines of an event stream: {@code event:} names the event,
 * {@code data:} lines make up its payload, a blank line dispatches it; comments (keep-alives) are
 * ignored.
 */
final class ServerSentEvents {

  /** One dispatched event. */
  record Event(String name, String data) {}

  private static final String DEFAULT_NAME = "message";

  private final Consumer<Event> listener;
  private String name = DEFAULT_NAME;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  ServerSentEvents(Consumer<Event> listener) {
    this.listener = listener;
  }

  void accept(String line) {
    if (line.isEmpty()) {
      if (hasData) {
        listener.accept(new Event(name, data.toString()));
      }
      name = DEFAULT_NAME;
      data.setLength(0);
      hasData = false;
    } else if (line.startsWith("event:")) {
      name = field(line, 6);
    } else if (line.startsWith("data:")) {
      if (hasData) {
        data.append('\n');
      }
      data.append(field(line, 5));
      hasData = true;
    }
  }

  private static String field(String line, int prefixLength) {
    String value = line.substring(prefixLength);
    // the format allows one optional space after the colon
    return value.startsWith(" ") ? value.substring(1) : value;
  }
}
