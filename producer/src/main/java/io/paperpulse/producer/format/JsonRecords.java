package io.paperpulse.producer.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Error text for JSON syntax problems, with the line Jackson points at. */
final class JsonRecords {

  private JsonRecords() {}

  static int lineOf(JsonProcessingException e, int fallback) {
    JsonLocation location = e.getLocation();
    return location != null && location.getLineNr() > 0 ? location.getLineNr() : fallback;
  }

  static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int cut = message.indexOf('\n');
    return "not valid JSON: " + (cut < 0 ? message : message.substring(0, cut));
  }
}
